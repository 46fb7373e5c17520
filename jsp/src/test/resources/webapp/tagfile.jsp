<%@ page contentType="text/plain; charset=UTF-8" %><%@ taglib prefix="t" tagdir="/WEB-INF/tags" %><t:greet who="tag file"/>

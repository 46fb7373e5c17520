<%@ page contentType="text/plain; charset=UTF-8" %>welcome from JSP

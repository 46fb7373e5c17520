<%@ page contentType="text/plain; charset=UTF-8" %>before <jsp:include page="/fragment.jsp"><jsp:param name="part" value="middle"/></jsp:include> after

<%@ page contentType="text/html; charset=UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!doctype html>
<html><head><title>Pronto JSP</title></head>
<body><h1>Hello, <c:out value="${name}"/></h1>
<ul><c:forEach var="letter" items="${letters}"><li>${letter}</li></c:forEach></ul>
<p>Rendered by a JSP view on ${pageContext.servletContext.serverInfo}.</p></body></html>

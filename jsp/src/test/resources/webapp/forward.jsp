<%@ page contentType="text/plain; charset=UTF-8" %>never sent<jsp:forward page="/hello.jsp"><jsp:param name="name" value="forwarded"/></jsp:forward>

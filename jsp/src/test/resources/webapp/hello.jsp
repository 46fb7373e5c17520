<%@ page contentType="text/plain; charset=UTF-8" %>Hello ${empty param.name ? 'nobody' : param.name}, 6*7=${6 * 7}, scriptlet=<%= request.getMethod() %>

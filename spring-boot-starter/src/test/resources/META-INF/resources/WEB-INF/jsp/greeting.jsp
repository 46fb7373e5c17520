<%@ page contentType="text/html; charset=UTF-8" %><p>Hello ${name} from a JSP view, ${1 + 2}</p>

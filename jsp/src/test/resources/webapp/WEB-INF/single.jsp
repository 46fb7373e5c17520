<%@ page contentType="text/plain; charset=UTF-8" %>single page, servlet ${pageContext.servletConfig.servletName}

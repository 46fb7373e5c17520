/**
 * JSP through Apache Jasper: the {@link dev.pronto.servlet.jsp.JspEngine} that gives every web application the JSP
 * servlet when this module is on the class path, and what Jasper needs from its container.
 */
package dev.pronto.jsp;

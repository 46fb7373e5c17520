/**
 * The JSP hook of the bridge: the {@link dev.pronto.servlet.jsp.JspEngine} SPI that the optional {@code pronto-jsp}
 * module implements, its settings, and the {@code jsp-config} descriptor values ({@code ServletContext
 * .getJspConfigDescriptor}).
 */
package dev.pronto.servlet.jsp;

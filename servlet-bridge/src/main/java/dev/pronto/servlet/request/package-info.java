/**
 * The servlet request: {@code HttpServletRequestImpl}, a façade over parts made on first use ({@code RequestContent}
 * body and encoding, {@code RequestParameters}, {@code RequestedSession}, {@code RequestAuthority},
 * {@code RequestAttributes}; {@code DispatchPaths} always), its read-only base {@code RequestHead}, and the request-side
 * parsers (path canonicalization, parameters, cookies, Accept-Language).
 */
package dev.pronto.servlet.request;

/**
 * {@code multipart/form-data} for {@code getParts()} (Servlet 6.1 §3.2, RFC 7578), parsed by our own streaming
 * parser rather than Netty's {@code HttpPostMultipartRequestDecoder}: the body is read through a fixed 64 KiB window
 * and each part streamed to memory or to a temporary file as it arrives, so memory is constant whatever the body
 * size; every part header is kept (Netty's decoder keeps only Content-Disposition, Content-Type and
 * Content-Transfer-Encoding, but {@code Part.getHeaderNames()} must list all); {@code maxFileSize} and
 * {@code maxRequestSize} are checked byte by byte as data arrives with the spec's {@code IllegalStateException}; and
 * the location, threshold and temporary-file life are per servlet and per request, not Netty's global
 * {@code DiskFileUpload} settings and delete-on-exit hook, nor its buffer of consumed bytes kept up to a 10 MiB
 * discard threshold.
 */
package dev.pronto.servlet.multipart;

package dev.pronto.servlet.resource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One GET or HEAD of a static resource: validators, preconditions (304, 412), ranges (206, 416) and the body.
 * For an ERROR dispatch the resource is the error page: sent whole under the error status, without conditions;
 * so is a forwarded request of another method.
 * One per request, on its thread.
 */
final class ResourceExchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final StaticResource resource;
    private final String contentType;
    private final boolean head;

    ResourceExchange(HttpServletRequest request, HttpServletResponse response, StaticResource resource,
                     String contentType) {
        this.request = request;
        this.response = response;
        this.resource = resource;
        this.contentType = contentType;
        this.head = "HEAD".equals(request.getMethod());
    }

    void respond() throws IOException {
        String method = request.getMethod();
        if (request.getDispatcherType() == DispatcherType.ERROR || !head && !"GET".equals(method)) {
            response.setContentType(contentType); // an error page, or a forwarded POST: no conditions, no ranges
            sendWhole();
            return;
        }
        String etag = resource.etag();
        long lastModified = resource.lastModified();
        setValidators(etag, lastModified);
        switch (Preconditions.evaluate(request, etag, lastModified)) {
            case NOT_MODIFIED -> response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            case PRECONDITION_FAILED -> response.sendError(HttpServletResponse.SC_PRECONDITION_FAILED);
            case PROCEED -> onProceed(etag, lastModified);
        }
    }

    private void setValidators(String etag, long lastModified) {
        if (etag != null) {
            response.setHeader("ETag", etag);
        }
        if (lastModified > 0) {
            response.setDateHeader("Last-Modified", lastModified);
        }
        if (resource.length() >= 0) {
            response.setHeader("Accept-Ranges", "bytes"); // RFC 9110 §14.3
        }
    }

    private void onProceed(String etag, long lastModified) throws IOException {
        response.setContentType(contentType);
        // RFC 9110 §14.2: Range is defined for GET only, and If-Range can turn it off
        String range = head ? null : request.getHeader("Range");
        ByteRanges ranges = range != null && Preconditions.ifRangeHolds(request, etag, lastModified)
                ? ByteRanges.parse(range, resource.length()) : ByteRanges.parse(null, -1);
        switch (ranges.kind()) {
            case IGNORED -> sendWhole();
            case UNSATISFIABLE -> {
                response.setHeader("Content-Range", "bytes */" + resource.length()); // §15.5.17
                response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            }
            case SATISFIABLE -> sendRanges(ranges);
        }
    }

    private void sendWhole() throws IOException {
        long length = resource.length();
        if (length >= 0 && ResourceBody.bodyIsEmpty(response)) {
            response.setContentLengthLong(length);
        }
        if (!head) {
            ResourceBody.send(response, resource, 0, length, false);
        }
    }

    private void sendRanges(ByteRanges ranges) throws IOException {
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        if (ranges.ranges().size() == 1) {
            ByteRanges.Range only = ranges.ranges().get(0);
            response.setHeader("Content-Range", only.contentRange(resource.length()));
            response.setContentLengthLong(only.length());
            ResourceBody.send(response, resource, only.start(), only.length(), false);
            return;
        }
        ResourceBody.MultipartRanges body = new ResourceBody.MultipartRanges(ranges.ranges(), contentType,
                resource.length());
        response.setContentType(body.contentType());
        response.setContentLengthLong(body.contentLength());
        body.write(response, resource);
    }
}

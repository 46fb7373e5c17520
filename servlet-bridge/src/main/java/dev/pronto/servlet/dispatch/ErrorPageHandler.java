package dev.pronto.servlet.dispatch;

import dev.pronto.servlet.context.ErrorPages;
import dev.pronto.servlet.request.HttpServletRequestImpl;
import dev.pronto.servlet.response.HttpServletResponseImpl;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception or a {@code sendError} into an error page (Servlet 6.1 §10.9): an ERROR dispatch to the
 * mapped location with the {@code jakarta.servlet.error.*} attributes, or a plain default page that never shows a
 * stack trace. Stateless; runs on the request's thread.
 */
final class ErrorPageHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageHandler.class);

    private final Deployment deployment;

    ErrorPageHandler(Deployment deployment) {
        this.deployment = deployment;
    }

    /** The servlet (or a filter) threw {@code error}. */
    void onException(RequestCycle cycle, Throwable error) {
        HttpServletResponseImpl response = cycle.response;
        if (RequestCycle.isClientFailure(error)) {
            log.debug("Request {} failed on the client side: {}", cycle.request, error.toString());
        } else if (SessionCommit.storeFailure(error) != null) {
            log.debug("Request {}: {}", cycle.request, error.toString()); // the store logged the outage once
        } else if (error instanceof UnavailableException unavailable) {
            log.warn("Request {}: {}", cycle.request, unavailable.getMessage());
        } else {
            log.error("Request {} failed", cycle.request, error);
        }
        if (response.exchange().isCommitted()) {
            response.exchange().abort(); // the status line is gone: only closing tells the client
            return;
        }
        int status = statusFor(error);
        if (error instanceof UnavailableException u && !u.isPermanent()) {
            // §2.3.3.2 / RFC 9110 §10.2.3: tell the client when to come back
            response.setHeader("Retry-After", Integer.toString(u.getUnavailableSeconds() > 0 ? u.getUnavailableSeconds() : 60));
        }
        ErrorPages pages = deployment.app.errorPages();
        String location = pages.forException(error, status);
        Throwable matched = pages.matchedException(error);
        render(cycle, status, matched.getMessage(), matched, location);
    }

    /** A servlet called {@code sendError}; the body is ours to write. */
    void onSendError(RequestCycle cycle) {
        HttpServletResponseImpl response = cycle.response;
        int status = response.errorStatus();
        String message = response.errorMessage();
        render(cycle, status, message, null, deployment.app.errorPages().forStatus(status));
    }

    private static int statusFor(Throwable error) {
        if (error instanceof UnavailableException unavailable) {
            return unavailable.isPermanent() ? 404 : 503; // §2.3.3.2
        }
        if (SessionCommit.storeFailure(error) != null) {
            return 503; // the shared session store is down (logged once by the store)
        }
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof dev.pronto.container.RequestBodyException body) {
                return body.status();
            }
            if (c instanceof dev.pronto.servlet.multipart.MultipartSizeException) {
                return 413; // RFC 9110 §15.5.14: a multipart limit the servlet did not handle
            }
        }
        return 500;
    }

    private void render(RequestCycle cycle, int status, String message, Throwable error, String location) {
        HttpServletRequestImpl request = cycle.request;
        HttpServletResponseImpl response = cycle.response;
        if (response.exchange().isCommitted()) {
            response.beginErrorPage(); // too late for a page: clears the pending error
            return;
        }
        response.beginErrorPage();
        response.setStatus(status);
        if (location != null && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            setAttributes(request, status, message, error);
            try {
                RequestDispatcherImpl dispatcher = (RequestDispatcherImpl) deployment.forPath(location);
                dispatcher.error(request, response);
                return;
            } catch (ServletException | IOException | RuntimeException e) {
                log.error("Error page {} failed for {}", location, request, e);
                if (response.exchange().isCommitted()) {
                    return;
                }
                // The client's problem is still the original one: keep its status, only the page is ours.
                response.beginErrorPage();
                response.setStatus(status);
            }
        }
        writeDefaultPage(response, status, error == null ? message : null);
    }

    private static void setAttributes(HttpServletRequestImpl request, int status, String message, Throwable error) {
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message != null ? message : "");
        if (error != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, error.getClass());
        }
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.setAttribute(RequestDispatcher.ERROR_METHOD, request.getMethod());
        if (request.getQueryString() != null) {
            request.setAttribute(RequestDispatcher.ERROR_QUERY_STRING, request.getQueryString());
        }
        if (request.getHttpServletMapping() != null) {
            request.setAttribute(RequestDispatcher.ERROR_SERVLET_NAME,
                    request.getHttpServletMapping().getServletName());
        }
    }

    /**
     * A small HTML page naming the status, with the {@code sendError} message HTML-escaped (it may carry request
     * data); an exception's message is never shown, nor a stack trace.
     */
    private static void writeDefaultPage(HttpServletResponseImpl response, int status, String message) {
        response.setContentType("text/html;charset=UTF-8");
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = message == null || message.isEmpty() ? "" : "<p>" + HtmlEscape.text(message) + "</p>";
        try {
            PrintWriter writer = response.getWriter();
            writer.write("<!doctype html><html><head><title>" + status + ' ' + reason + "</title></head><body><h1>"
                    + status + ' ' + reason + "</h1>" + detail + "</body></html>");
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the default error page: {}", e.toString());
        }
    }
}

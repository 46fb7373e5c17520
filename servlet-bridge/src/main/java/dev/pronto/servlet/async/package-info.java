/** Async processing (Servlet 6.1 §2.3.3.3): the AsyncContext, its life-cycle state machine and serialized callbacks. */
package dev.pronto.servlet.async;

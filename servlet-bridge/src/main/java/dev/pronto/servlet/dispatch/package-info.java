/** Running a request: the bridge from the core, execution on workers or inline, filter chains, dispatch, errors. */
package dev.pronto.servlet.dispatch;

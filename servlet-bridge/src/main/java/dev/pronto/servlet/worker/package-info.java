/**
 * Running blocking requests off the event loop: {@link dev.pronto.servlet.worker.RequestExecutor#dispatch} is the
 * one entry point; {@code WorkerBatch} gathers an event-loop round's requests, {@code WorkerTask} runs them packed
 * per connection with stealing behind a slow request, and each task hands its completions back once through the
 * core's {@link dev.pronto.container.CompletionBatch}.
 */
package dev.pronto.servlet.worker;

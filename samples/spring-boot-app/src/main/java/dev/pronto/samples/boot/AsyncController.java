package dev.pronto.samples.boot;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Servlet async through Spring MVC: a server-sent event stream and a result completed by another thread. */
@RestController
class AsyncController {

    @GetMapping("/api/events")
    SseEmitter events(@RequestParam(defaultValue = "3") int count) {
        SseEmitter emitter = new SseEmitter(10_000L);
        CompletableFuture.runAsync(() -> {
            try {
                for (int i = 1; i <= count; i++) {
                    emitter.send(SseEmitter.event().id(String.valueOf(i)).name("tick").data("tick " + i));
                }
                emitter.complete();
            } catch (IOException e) {
                emitter.completeWithError(e);
            }
        }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        return emitter;
    }

    @GetMapping("/api/deferred")
    DeferredResult<Map<String, String>> deferred() {
        DeferredResult<Map<String, String>> result = new DeferredResult<>(5_000L);
        CompletableFuture.runAsync(() -> result.setResult(Map.of("status", "done")),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        return result;
    }
}

package dev.pronto.samples.boot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small JSON API: greetings are created (validated) and read back. Thread-safe. */
@RestController
@RequestMapping("/api/greetings")
class GreetingController {

    /** What a client posts. */
    record GreetingRequest(@NotBlank String name, @Size(max = 40) String message) {
    }

    /** What the API answers. */
    record Greeting(long id, String text) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Greeting> greetings = new ConcurrentHashMap<>();

    @GetMapping("/hello/{name}")
    Greeting hello(@PathVariable String name) {
        return new Greeting(0, "Hello, " + name + "!");
    }

    @PostMapping
    ResponseEntity<Greeting> create(@Valid @RequestBody GreetingRequest request) {
        long id = ids.incrementAndGet();
        String message = request.message() == null ? "Hello" : request.message();
        Greeting greeting = new Greeting(id, message + ", " + request.name() + "!");
        greetings.put(id, greeting);
        return ResponseEntity.created(URI.create("/api/greetings/" + id)).body(greeting);
    }

    @GetMapping("/{id}")
    ResponseEntity<Greeting> get(@PathVariable long id) {
        Greeting greeting = greetings.get(id);
        return greeting == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(greeting);
    }

    @GetMapping("/boom")
    Greeting boom() {
        throw new IllegalStateException("This endpoint always fails");
    }
}

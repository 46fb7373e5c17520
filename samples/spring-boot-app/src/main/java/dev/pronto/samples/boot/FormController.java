package dev.pronto.samples.boot;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** A classic HTML form posted as application/x-www-form-urlencoded. Stateless. */
@RestController
class FormController {

    @GetMapping(value = "/form", produces = MediaType.TEXT_HTML_VALUE)
    String form() {
        return """
                <!doctype html>
                <html><head><title>Sign the guestbook</title></head><body>
                <form method="post" action="/form">
                  <label>Name <input name="name" required></label>
                  <label>Comment <textarea name="comment"></textarea></label>
                  <button>Sign</button>
                </form>
                </body></html>
                """;
    }

    @PostMapping(value = "/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String submit(@RequestParam String name, @RequestParam(defaultValue = "") String comment) {
        return "<!doctype html><html><body><p>Thanks, " + HtmlUtils.htmlEscape(name, "UTF-8") + "!</p><blockquote>"
                + HtmlUtils.htmlEscape(comment, "UTF-8") + "</blockquote></body></html>";
    }
}

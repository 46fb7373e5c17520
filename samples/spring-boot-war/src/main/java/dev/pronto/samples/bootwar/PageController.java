package dev.pronto.samples.bootwar;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A Spring MVC controller with a JSP view ({@code WEB-INF/jsp/page.jsp}, JSTL from the WAR's WEB-INF/lib). */
@Controller
public class PageController {

    @GetMapping("/page/{name}")
    public String page(@PathVariable String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("letters", List.of(name.split("")));
        return "page";
    }
}

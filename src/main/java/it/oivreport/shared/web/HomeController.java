package it.oivreport.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The cruscotto: the first page after signing in. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "shared/home";
    }
}

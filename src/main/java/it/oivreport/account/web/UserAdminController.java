package it.oivreport.account.web;

import it.oivreport.account.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Administrators' list of the installation's users. Editing comes with memberships. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts accounts;

    UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        return "account/users";
    }
}

package it.oivreport.administration.web;

import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.OivComposition;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The administration form, for creating and editing; {@code version} is null when creating. */
record AdministrationForm(@NotBlank @Size(max = 200) String name, @NotNull AdministrationType type,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_]*") String ipaCode, @Size(max = 300) String address,
        @Size(max = 200) String addressee, @Size(max = 100) String seat,
        @NotNull OivComposition composition, Long presidentId, Long version) {

    static AdministrationForm empty() {
        return new AdministrationForm("", AdministrationType.COMUNE, "", "", "", "", OivComposition.MONOCRATICO, null,
                null);
    }

    static AdministrationForm of(AdministrationView view) {
        return new AdministrationForm(view.name(), view.type(), view.ipaCode(), view.address(), view.addressee(),
                view.seat(), view.composition(), view.presidentId(), view.version());
    }

    AdministrationDetails toDetails() {
        return new AdministrationDetails(name, type, ipaCode, address, composition, presidentId, addressee, seat);
    }
}

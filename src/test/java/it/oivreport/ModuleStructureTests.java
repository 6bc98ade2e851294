package it.oivreport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through each other's public entry points, and never in a cycle. */
class ModuleStructureTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(RapportoOivApplication.class).verify();
    }
}

package it.oivreport.account;

/** The one place tests build signed-in users without the database. */
public final class AccountFixtures {

    private AccountFixtures() {
    }

    public static AccountPrincipal principal(String username, String fullName, Role role) {
        return new AccountPrincipal(Math.abs(username.hashCode()), username, fullName, role, true, "{noop}secret");
    }

    public static AccountPrincipal oivMember() {
        return principal("oiv", "Marco Bianchi", Role.OIV);
    }

    public static AccountPrincipal administrator() {
        return principal("admin", "Giulia Ferri", Role.ADMIN);
    }

    public static AccountPrincipal staff() {
        return principal("staff", "Laura Conti", Role.STAFF);
    }
}

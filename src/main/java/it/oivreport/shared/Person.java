package it.oivreport.shared;

/** Who is signed in, as modules that must not depend on the account module see them (the answer history). */
public interface Person {

    long getId();

    String getUsername();

    String getFullName();
}

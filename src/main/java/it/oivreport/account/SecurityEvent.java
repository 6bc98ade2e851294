package it.oivreport.account;

import java.time.Instant;

/**
 * Something that happened to an account or to who may do what: published as an application event, logged
 * on the {@code oiv.security} logger ({@link SecurityEventLog}), for the audit history to store as well.
 *
 * @param kind what happened
 * @param subject the username it happened to (as typed, for a failed sign-in)
 * @param outcome a short word on the result, or a detail such as the administration and role
 * @param actor who did it: the signed-in user, or "-" for an anonymous request
 * @param client the client address of the request, or "-" outside one
 * @param administrationId the administration it concerns (a membership), or null
 */
public record SecurityEvent(Kind kind, String subject, String outcome, String actor, String client, Instant at,
        Long administrationId) {

    /** An event that concerns no administration. */
    public SecurityEvent(Kind kind, String subject, String outcome, String actor, String client, Instant at) {
        this(kind, subject, outcome, actor, client, at, null);
    }

    public enum Kind {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOCKED_OUT, LOGGED_OUT, PASSWORD_CHANGED, PASSWORD_CHANGE_REFUSED,
        PASSWORD_RESET, USER_CREATED, USER_DEACTIVATED, USER_REACTIVATED, MEMBERSHIP_ASSIGNED, MEMBERSHIP_REMOVED
    }
}

package it.oivreport.report;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.shared.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what a user may do with a report, from their memberships. A user who does not work for the
 * report's administration is told the report does not exist (404), so guessing ids reveals nothing.
 * {@link Reports} only accepts an {@link Access} made here, so no read or write skips the check.
 */
@Component
public class ReportAccess {

    private final ReportReader reports;
    private final Memberships memberships;

    ReportAccess(ReportReader reports, Memberships memberships) {
        this.reports = reports;
        this.memberships = memberships;
    }

    /** What one user may do with one report, as of now. */
    public static final class Access {
        private final long reportId;
        private final long administrationId;
        private final ReportStatus status;
        private final boolean admin;
        private final Role membership;
        private final String username;
        private final long userId;

        Access(long reportId, long administrationId, ReportStatus status, boolean admin, Role membership,
                String username, long userId) {
            this.userId = userId;
            this.reportId = reportId;
            this.administrationId = administrationId;
            this.status = status;
            this.admin = admin;
            this.membership = membership;
            this.username = username;
        }

        public long reportId() {
            return reportId;
        }

        public long administrationId() {
            return administrationId;
        }

        public ReportStatus status() {
            return status;
        }

        public String username() {
            return username;
        }

        public long userId() {
            return userId;
        }

        public boolean isAdmin() {
            return admin;
        }

        /** An OIV member of the report's administration. */
        public boolean isOivMember() {
            return membership == Role.OIV;
        }

        public boolean canEditAnswers() {
            return status == ReportStatus.BOZZA && isOivMember();
        }

        /** OIV members and support staff of the administration (not administrators) take part in the review. */
        public boolean canCommentAsMember() {
            return membership != null;
        }

        /** Staff edit only the annotations; OIV members edit them with the answers. */
        public boolean canEditAnnotations() {
            return status == ReportStatus.BOZZA && membership != null;
        }
    }

    @Transactional(readOnly = true)
    public Access of(long reportId, AccountPrincipal user) {
        ReportReader.ReportRow report = reports.row(reportId)
                .orElseThrow(() -> new NotFoundException("report " + reportId));
        Role membership = memberships.roleIn(user.getId(), report.administrationId()).orElse(null);
        boolean admin = user.getRole() == Role.ADMIN;
        if (!admin && membership == null) {
            throw new NotFoundException("report " + report.id());
        }
        return new Access(report.id(), report.administrationId(), report.status(), admin, membership,
                user.getUsername(), user.getId());
    }

    /** Only OIV members of the administration, and administrators, start its reports. */
    @Transactional(readOnly = true)
    public boolean canCreateIn(long administrationId, AccountPrincipal user) {
        return user.getRole() == Role.ADMIN
                || memberships.roleIn(user.getId(), administrationId).filter(r -> r == Role.OIV).isPresent();
    }

    /** The administrations whose reports the user may see; empty for an administrator, who sees all. */
    @Transactional(readOnly = true)
    public java.util.Optional<java.util.Set<Long>> visibleAdministrations(AccountPrincipal user) {
        return user.getRole() == Role.ADMIN ? java.util.Optional.empty()
                : java.util.Optional.of(memberships.administrationsOf(user.getId()).keySet());
    }

    /** The administrations where the user is an OIV member, and so may start reports. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> creatableAdministrations(AccountPrincipal user) {
        return memberships.administrationsOf(user.getId()).entrySet().stream().filter(e -> e.getValue() == Role.OIV)
                .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    /** The administrations the user works for (none for an administrator, who has no memberships). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> ownAdministrations(AccountPrincipal user) {
        return memberships.administrationsOf(user.getId()).keySet();
    }

    /** The same user's rights on another report of the same administration, read-only. */
    static Access sameAdministration(Access access, ReportReader.ReportRow other) {
        if (other.administrationId() != access.administrationId()) {
            throw new IllegalArgumentException("not the same administration");
        }
        return new Access(other.id(), other.administrationId(), other.status(), access.isAdmin(), null,
                access.username(), access.userId());
    }

    /** The application itself (demo data): an OIV member's rights, without a user. */
    static Access system(Report report, String username) {
        return new Access(report.getId(), report.getAdministrationId(), report.getStatus(), false, Role.OIV, username, 0);
    }
}

package it.oivreport.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events for other modules are published inside a read-write transaction: the change's own, or, for what
 * changes nothing (a sign-in, a download), one of their own. Spring Modulith's event publication registry then
 * stores each publication with the transaction and republishes it if its listener did not complete (on
 * restart, {@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
public final class Publications {

    private Publications() {
    }

    /** Without a transaction manager (web slice tests), the event is published plainly. */
    public static void publish(ApplicationEventPublisher publisher, ObjectProvider<PlatformTransactionManager> transactions,
            Object event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            publisher.publishEvent(event);
            return;
        }
        PlatformTransactionManager manager = transactions.getIfAvailable();
        if (manager == null) {
            publisher.publishEvent(event);
            return;
        }
        TransactionTemplate own = new TransactionTemplate(manager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> publisher.publishEvent(event));
    }
}

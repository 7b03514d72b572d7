package io.cpqoms.web;

import jakarta.ejb.EJBException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.transaction.xa.XAException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A failure that means the database (or the connection to it) is unavailable for now, not that the
 * request is wrong or the product is broken: the answer is 503 {@code SERVICE_UNAVAILABLE} with
 * {@code Retry-After}, which a client repeats safely with its Idempotency-Key.
 *
 * <p>As they reach the web layer (observed on Payara 6 with PostgreSQL stopped, restarted or its
 * backends terminated), such a failure is a chain like
 * {@code EJBTransactionRolledbackException → TransactionRolledbackLocalException → PersistenceException
 * → EclipseLink DatabaseException (4002/4003) → SQLException "Error in allocating a connection" →
 * ResourceAllocationException → PoolingException → PSQLException 08001 → ConnectException}, or, for a
 * connection that breaks while in use, {@code ... → PSQLException} with SQLState 08006 (I/O error),
 * 08003 ("This connection has been closed") or 57P01 (terminated by an administrator command). The test
 * looks at the whole chain of causes (and the next exceptions of a SQLException), so every wrapper
 * the EJB container, JTA and JPA add is seen through.
 *
 * <p>One shape carries no cause: a connection that breaks while JTA commits ends as
 * {@code jakarta.transaction.SystemException → XAException} whose only trace of the fault is its
 * message (Payara's connector turns the resource's exception into text, e.g. "LocalTransactionException:
 * FATAL: terminating connection due to administrator command" or "ResourceException: This Managed
 * Connection is not valid as the physical connection is not usable"). For the transaction manager's and
 * the connector's exceptions only, the messages of the driver's and the pool's connection failures count.
 */
public final class ServiceUnavailable {

    public static final String CODE = "SERVICE_UNAVAILABLE";
    public static final String RETRY_AFTER_PROPERTY = "cpq.api.retry-after-seconds";
    static final int DEFAULT_RETRY_AFTER_SECONDS = 5;
    /** Enough for any real wrapper chain; bounds the walk over a hostile or cyclic chain. */
    private static final int MAX_CAUSES = 64;

    /** What the PostgreSQL driver and Payara's pool say when a connection is gone (their messages, verbatim). */
    private static final List<String> CONNECTION_GONE = List.of(
            "terminating connection", "the database system is shutting down", "the database system is starting up",
            "physical connection is not usable", "This connection has been closed",
            "An I/O error occurred while sending to the backend", "Connection refused", "Error in allocating a connection");

    private ServiceUnavailable() {
    }

    /** Whether the failure, or anything it was caused by, is the database being unreachable or a broken connection. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isUnavailability(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            if (t instanceof EJBException ejb && ejb.getCausedByException() != null) {
                pending.add(ejb.getCausedByException());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean isUnavailability(Throwable t) {
        if (t instanceof SQLException sql) {
            return isUnavailableState(sql.getSQLState())
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException;
        }
        // the server's pool could not hand out a connection: none could be opened, or all are busy
        if (t instanceof ResourceAllocationException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
            return true;
        }
        return (t instanceof XAException || t instanceof ResourceException || t instanceof jakarta.transaction.SystemException)
                && namesAConnectionFailure(t.getMessage());
    }

    private static boolean namesAConnectionFailure(String message) {
        return message != null && CONNECTION_GONE.stream().anyMatch(message::contains);
    }

    /**
     * SQLState class 08 (connection exception), 57P01..57P03 (the server shuts down, crashed, or cannot
     * accept connections yet) and class 53 (insufficient resources, e.g. 53300 too many connections).
     */
    static boolean isUnavailableState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** The 503 problem, with the Retry-After of the configuration ({@value #RETRY_AFTER_PROPERTY}, default 5 s). */
    public static Response response(String correlationId) {
        return response(correlationId, retryAfterSeconds());
    }

    static Response response(String correlationId, int retryAfterSeconds) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, CODE,
                        "The database is not available at the moment; retry after " + retryAfterSeconds
                                + " seconds (with the same Idempotency-Key for a command).",
                        correlationId, List.of()))
                .header("Retry-After", Integer.toString(retryAfterSeconds))
                .build();
    }

    static int retryAfterSeconds() {
        int seconds = ConfigProvider.getConfig().getOptionalValue(RETRY_AFTER_PROPERTY, Integer.class)
                .orElse(DEFAULT_RETRY_AFTER_SECONDS);
        return Math.max(1, seconds);
    }
}

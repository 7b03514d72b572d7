package io.cpqoms.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.ejb.TransactionRolledbackLocalException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** The database-fault test on the exception chains Payara, EclipseLink and the PostgreSQL driver produce. */
class ServiceUnavailableTest {

    /** What the web layer got with PostgreSQL stopped: the pool could not open a connection. */
    @Test
    void poolThatCannotConnectIsUnavailable() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:29984 refused. Check that the hostname and "
                + "port are correct and that the postmaster is accepting TCP/IP connections.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        ResourceAllocationException pool = new ResourceAllocationException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: " + refused.getMessage());
        pool.initCause(refused);
        SQLException allocation = new SQLException("Error in allocating a connection. Cause: " + refused.getMessage(), pool);
        Throwable chain = inBeanTransaction(new PersistenceException(DatabaseException.sqlException(allocation, false)));

        assertTrue(ServiceUnavailable.isCause(chain));
        assertTrue(ServiceUnavailable.isCause(new EJBException(allocation)));
        assertTrue(ServiceUnavailable.isCause(new ResourceAllocationException("no connection within max-wait-time")));
    }

    /** A pooled connection that broke while in use: PostgreSQL restarted, a backend terminated, the socket closed. */
    @Test
    void brokenConnectionIsUnavailable() {
        assertTrue(ServiceUnavailable.isCause(jpa(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new EOFException()))));
        assertTrue(ServiceUnavailable.isCause(jpa(new PSQLException("This connection has been closed.",
                PSQLState.CONNECTION_DOES_NOT_EXIST))));
        assertTrue(ServiceUnavailable.isCause(jpa(serverError("57P01",
                "terminating connection due to administrator command"))));
        assertTrue(ServiceUnavailable.isCause(jpa(serverError("57P03", "the database system is starting up"))));
        assertTrue(ServiceUnavailable.isCause(jpa(serverError("53300", "sorry, too many clients already"))));
        assertTrue(ServiceUnavailable.isCause(new EJBException(new ConnectException("Connection refused"))));
    }

    /** A batch insert reports the connection fault as the next exception of the batch's own. */
    @Test
    void nextExceptionOfABatchIsSeen() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into ordering.order_line was aborted",
                "08006", 0, new int[0]);
        batch.setNextException(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE));
        assertTrue(ServiceUnavailable.isCause(jpa(batch)));
        BatchUpdateException plain = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        plain.setNextException(serverError("08P01", "insufficient data left in message"));
        assertTrue(ServiceUnavailable.isCause(jpa(plain)));
    }

    /** The commit failed because the connection went away while JTA completed the transaction. */
    @Test
    void rollbackCausedByTheConnectionIsUnavailable() {
        RollbackException rollback = new RollbackException("Transaction marked for rollback.");
        rollback.initCause(jpa(new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST)));
        assertTrue(ServiceUnavailable.isCause(new EJBException(rollback)));
    }

    /**
     * Observed in the restart drill: the connection broke while JTA committed; Payara's connector keeps
     * only the text of the resource's exception in the XAException, without a cause.
     */
    @Test
    void commitOnABrokenConnectionIsUnavailable() {
        assertTrue(ServiceUnavailable.isCause(systemException(new XAException(
                "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection due to administrator command"))));
        assertTrue(ServiceUnavailable.isCause(systemException(new XAException("jakarta.resource.ResourceException: "
                + "This Managed Connection is not valid as the physical connection is not usable"))));
        XAException failed = new XAException("resource manager unavailable");
        failed.errorCode = XAException.XAER_RMFAIL;
        assertTrue(ServiceUnavailable.isCause(systemException(failed)));
        // a commit the database refused for what the transaction wrote is not an outage
        XAException refused = new XAException("jakarta.resource.spi.LocalTransactionException: ERROR: duplicate key value "
                + "violates unique constraint \"order_pkey\"");
        refused.errorCode = XAException.XAER_RMERR;
        assertFalse(ServiceUnavailable.isCause(systemException(refused)));
        assertFalse(ServiceUnavailable.isCause(new IllegalStateException("This connection has been closed")));
    }

    private static Throwable systemException(XAException cause) {
        jakarta.transaction.SystemException system = new jakarta.transaction.SystemException();
        system.initCause(cause);
        return system;
    }

    /** Bad input the database refused, a conflict or a bug are not outages: they must not invite a retry. */
    @Test
    void otherFailuresAreNot() {
        assertFalse(ServiceUnavailable.isCause(jpa(serverError("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))));
        assertFalse(ServiceUnavailable.isCause(jpa(serverError("22001", "value too long for type character varying(80)"))));
        assertFalse(ServiceUnavailable.isCause(jpa(serverError("22003", "numeric field overflow"))));
        assertFalse(ServiceUnavailable.isCause(jpa(serverError("23505", "duplicate key value violates unique constraint"))));
        assertFalse(ServiceUnavailable.isCause(jpa(serverError("57014", "canceling statement due to statement timeout"))));
        assertFalse(ServiceUnavailable.isCause(new OptimisticLockException("stale")));
        assertFalse(ServiceUnavailable.isCause(inBeanTransaction(new IllegalStateException("bug"))));
        assertFalse(ServiceUnavailable.isCause(new SQLException("no state")));
        assertFalse(ServiceUnavailable.isCause(null));
        assertFalse(ServiceUnavailable.isCause(new RollbackException("Transaction marked for rollback.")));
    }

    @Test
    void cyclicChainEnds() {
        SQLException first = new SQLException("first", "22000");
        SQLException second = new SQLException("second", "22000", first);
        first.setNextException(second);
        assertFalse(ServiceUnavailable.isCause(second));
        SQLException deep = new SQLException("deep", "08006");
        Throwable chain = deep;
        for (int i = 0; i < 10; i++) {
            chain = new EJBException(new RuntimeException(chain));
        }
        assertTrue(ServiceUnavailable.isCause(chain));
    }

    @Test
    void sqlStates() {
        assertTrue(ServiceUnavailable.isUnavailableState("08001"));
        assertTrue(ServiceUnavailable.isUnavailableState("57P02"));
        assertFalse(ServiceUnavailable.isUnavailableState("57P04"));
        assertFalse(ServiceUnavailable.isUnavailableState("40001"));
        assertFalse(ServiceUnavailable.isUnavailableState("08"));
        assertFalse(ServiceUnavailable.isUnavailableState(null));
    }

    private static Throwable jpa(SQLException cause) {
        return inBeanTransaction(new PersistenceException(DatabaseException.sqlException(cause, false)));
    }

    /** As the EJB container hands a system exception of a container-managed transaction to its caller. */
    private static Throwable inBeanTransaction(Exception failure) {
        TransactionRolledbackLocalException local = new TransactionRolledbackLocalException(
                "Exception thrown from bean: " + failure, failure);
        EJBTransactionRolledbackException rolledBack = new EJBTransactionRolledbackException(
                "Exception thrown from bean: " + failure, local);
        return rolledBack;
    }

    private static PSQLException serverError(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C" + state + "\0M" + message + "\0"));
    }
}

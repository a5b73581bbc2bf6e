package io.sluice.governance.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC with the few conventions every governance store shares, in SQL that both H2 and
 * PostgreSQL accept: instants are stored as {@code TIMESTAMP WITH TIME ZONE} through {@link
 * OffsetDateTime}, nulls are bound untyped, and a failure becomes an {@link IllegalStateException}
 * naming what was being done. Work that must see one consistent state runs in {@link #transaction}.
 *
 * <p>A transaction begun while the same thread already works in one joins it: the inner work runs
 * on the outer connection and commits with it. So a caller can make many stores' reads (and a
 * write, such as the audit row of a decision) one transaction on one connection, without the stores
 * knowing. A failure inside still reaches the outermost caller, which rolls everything back.
 */
public final class Database {
  /** SQLSTATE both databases report for a unique or primary key violation. */
  public static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  public Database(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work done on one connection inside one transaction. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Session session) throws SQLException;
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
    return transaction(session -> session.query(sql, mapper, parameters));
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
    return transaction(session -> session.queryOne(sql, mapper, parameters));
  }

  public int update(String sql, Object... parameters) {
    return transaction(session -> session.update(sql, parameters));
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws.
   * A {@link RuntimeException} thrown by the work reaches the caller unchanged.
   */
  public <T> T transaction(TransactionWork<T> work) {
    Session joined = current.get();
    try {
      if (joined != null) {
        return work.run(joined);
      }
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        Session session = new Session(connection);
        current.set(session);
        try {
          T result = work.run(session);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        } finally {
          current.remove();
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static IllegalStateException failure(SQLException e) {
    return new IllegalStateException(
        "Governance database error: " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
  }

  public static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** One connection in a transaction. */
  public static final class Session {
    private final Connection connection;

    private Session(Connection connection) {
      this.connection = connection;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters)
        throws SQLException {
      try (PreparedStatement statement = prepare(sql, parameters);
          ResultSet result = statement.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (result.next()) {
          rows.add(mapper.map(result));
        }
        return rows;
      }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters)
        throws SQLException {
      List<T> rows = query(sql, mapper, parameters);
      if (rows.size() > 1) {
        throw new IllegalStateException("Expected at most one row from: " + sql);
      }
      return rows.stream().findFirst();
    }

    public int update(String sql, Object... parameters) throws SQLException {
      try (PreparedStatement statement = prepare(sql, parameters)) {
        return statement.executeUpdate();
      }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      try {
        for (int index = 0; index < parameters.length; index++) {
          bind(statement, index + 1, parameters[index]);
        }
        return statement;
      } catch (SQLException | RuntimeException e) {
        statement.close();
        throw e;
      }
    }

    private static void bind(PreparedStatement statement, int index, Object value)
        throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (value instanceof Enum<?> constant) {
        statement.setString(index, constant.name());
      } else {
        statement.setObject(index, value);
      }
    }
  }
}

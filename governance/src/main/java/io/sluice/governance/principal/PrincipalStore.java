package io.sluice.governance.principal;

import static java.util.Objects.requireNonNull;

import io.sluice.governance.GovernanceException;
import io.sluice.governance.store.Database;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users, service principals and groups, and group membership. Groups may contain groups; a
 * principal belongs to every group it reaches through memberships ({@link #groupsOf}), and a
 * membership that would make a group contain itself is refused.
 *
 * <p>Two groups are built in and can be neither deleted nor renamed: {@value #ADMINS}, the
 * workspace admins, and {@value #USERS}, Databricks' workspace users group. Every user and service
 * principal belongs to {@value #USERS} from the moment it exists: that membership is implied, not
 * stored, so it cannot be added (adding a user or service principal does nothing) or removed, and a
 * group cannot be made a member of it. {@value #USERS} itself may be a member of other groups.
 */
public final class PrincipalStore {
  /** The workspace admins group, created with the database. */
  public static final String ADMINS = "admins";

  /** The workspace users group, created with the database: every user and service principal. */
  public static final String USERS = "users";

  private static final String COLUMNS =
      "principal_id, principal_type, name, display_name, active, created_at";
  private static final String PRINCIPAL_COLUMNS =
      "p.principal_id, p.principal_type, p.name, p.display_name, p.active, p.created_at";

  private final Database database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public PrincipalStore(Database database, Clock clock) {
    this.database = requireNonNull(database, "database is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public Principal create(PrincipalType type, String name, String displayName, boolean active) {
    requireNonNull(type, "type is null");
    if (name == null || name.isBlank()) {
      throw GovernanceException.invalid("A " + describe(type) + " needs a non-empty name");
    }
    Principal principal =
        new Principal(
            newId(),
            type,
            name,
            displayName == null || displayName.isBlank() ? name : displayName,
            active,
            clock.instant());
    try {
      database.update(
          "INSERT INTO principal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
          principal.id(),
          principal.type(),
          principal.name(),
          principal.displayName(),
          principal.active(),
          principal.createdAt());
    } catch (IllegalStateException e) {
      if (Database.isUniqueViolation(e)) {
        throw GovernanceException.alreadyExists(
            "PRINCIPAL_ALREADY_EXISTS", "A principal named '" + name + "' already exists.");
      }
      throw e;
    }
    return principal;
  }

  /** The principal named {@code name}, creating it with {@code type} if there is none. */
  public Principal ensure(PrincipalType type, String name) {
    return find(name)
        .orElseGet(
            () -> {
              try {
                return create(type, name, name, true);
              } catch (GovernanceException e) {
                return find(name).orElseThrow(() -> e);
              }
            });
  }

  public Optional<Principal> find(String name) {
    return database.queryOne(
        "SELECT " + COLUMNS + " FROM principal WHERE name = ?", PrincipalStore::principal, name);
  }

  public Optional<Principal> findById(String id) {
    return database.queryOne(
        "SELECT " + COLUMNS + " FROM principal WHERE principal_id = ?",
        PrincipalStore::principal,
        id);
  }

  /** The principal named {@code name}, or PRINCIPAL_DOES_NOT_EXIST. */
  public Principal require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                GovernanceException.notFound(
                    "PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with name " + name));
  }

  public List<Principal> list(PrincipalType type) {
    return database.query(
        "SELECT " + COLUMNS + " FROM principal WHERE principal_type = ? ORDER BY name",
        PrincipalStore::principal,
        type);
  }

  /** Changes a principal's name, display name and active flag; absent values stay. */
  public Principal update(
      String id, Optional<String> name, Optional<String> displayName, Optional<Boolean> active) {
    Principal current =
        findById(id)
            .orElseThrow(
                () ->
                    GovernanceException.notFound(
                        "PRINCIPAL_DOES_NOT_EXIST", "No principal with id " + id));
    Principal updated =
        new Principal(
            current.id(),
            current.type(),
            name.orElse(current.name()),
            displayName.orElse(current.displayName()),
            active.orElse(current.active()),
            current.createdAt());
    if (isBuiltInGroup(current) && !updated.name().equals(current.name())) {
      throw GovernanceException.invalid("The " + current.name() + " group cannot be renamed");
    }
    try {
      database.update(
          "UPDATE principal SET name = ?, display_name = ?, active = ? WHERE principal_id = ?",
          updated.name(),
          updated.displayName(),
          updated.active(),
          id);
    } catch (IllegalStateException e) {
      if (Database.isUniqueViolation(e)) {
        throw GovernanceException.alreadyExists(
            "PRINCIPAL_ALREADY_EXISTS",
            "A principal named '" + updated.name() + "' already exists.");
      }
      throw e;
    }
    return updated;
  }

  /**
   * Deletes a principal with its memberships and grants. A principal that still owns a securable
   * cannot be deleted: transfer the ownership first.
   */
  public boolean delete(String id) {
    Optional<Principal> principal = findById(id);
    if (principal.isPresent() && isBuiltInGroup(principal.get())) {
      throw GovernanceException.invalid(
          "The " + principal.get().name() + " group cannot be deleted");
    }
    try {
      return database.update("DELETE FROM principal WHERE principal_id = ?", id) == 1;
    } catch (IllegalStateException e) {
      throw new GovernanceException(
          "PRINCIPAL_OWNS_SECURABLES",
          "42893",
          "The principal still owns securables; transfer their ownership first.");
    }
  }

  /** Adds {@code memberId} to the group {@code groupId}; adding an existing member does nothing. */
  public void addMember(String groupId, String memberId) {
    Principal group = requireGroup(groupId);
    Principal member =
        findById(memberId)
            .orElseThrow(
                () ->
                    GovernanceException.notFound(
                        "PRINCIPAL_DOES_NOT_EXIST", "No principal with id " + memberId));
    if (isUsersGroup(group)) {
      if (member.isGroup()) {
        throw GovernanceException.invalid(
            "The users group holds every user and service principal; group '"
                + member.name()
                + "' cannot be added to it");
      }
      return;
    }
    if (member.isGroup()
        && (member.id().equals(group.id()) || groupsOf(group.name()).contains(member.name()))) {
      throw GovernanceException.invalid(
          "Adding group '"
              + member.name()
              + "' to group '"
              + group.name()
              + "' would make a group contain itself");
    }
    database.transaction(
        session -> {
          if (session
              .queryOne(
                  "SELECT member_id FROM group_member WHERE group_id = ? AND member_id = ?",
                  row -> row.getString(1),
                  groupId,
                  memberId)
              .isEmpty()) {
            session.update(
                "INSERT INTO group_member (group_id, member_id) VALUES (?, ?)", groupId, memberId);
          }
          return null;
        });
  }

  public boolean removeMember(String groupId, String memberId) {
    if (findById(groupId).filter(PrincipalStore::isUsersGroup).isPresent()) {
      throw GovernanceException.invalid(
          "Every user and service principal belongs to the users group; no member can be removed"
              + " from it");
    }
    return database.update(
            "DELETE FROM group_member WHERE group_id = ? AND member_id = ?", groupId, memberId)
        == 1;
  }

  /** The direct members of a group; of {@value #USERS}, every user and service principal. */
  public List<Principal> members(String groupId) {
    if (findById(groupId).filter(PrincipalStore::isUsersGroup).isPresent()) {
      return database.query(
          "SELECT " + COLUMNS + " FROM principal WHERE principal_type <> ? ORDER BY name",
          PrincipalStore::principal,
          PrincipalType.GROUP);
    }
    return database.query(
        "SELECT "
            + PRINCIPAL_COLUMNS
            + " FROM group_member m JOIN principal p ON p.principal_id = m.member_id"
            + " WHERE m.group_id = ? ORDER BY p.name",
        PrincipalStore::principal,
        groupId);
  }

  /**
   * The groups a principal is directly a member of, {@value #USERS} included for users and service
   * principals.
   */
  public List<Principal> directGroups(String memberId) {
    return database.query(
        "SELECT "
            + PRINCIPAL_COLUMNS
            + " FROM group_member m JOIN principal p ON p.principal_id = m.group_id"
            + " WHERE m.member_id = ?"
            + " UNION SELECT "
            + PRINCIPAL_COLUMNS
            + " FROM principal p WHERE p.name = ? AND p.principal_type = ? AND EXISTS (SELECT 1"
            + " FROM principal m WHERE m.principal_id = ? AND m.principal_type <> ?)"
            + " ORDER BY name",
        PrincipalStore::principal,
        memberId,
        USERS,
        PrincipalType.GROUP,
        memberId,
        PrincipalType.GROUP);
  }

  /**
   * The names of every group {@code name} belongs to, directly or through nested groups. Empty for
   * an unknown principal.
   */
  public Set<String> groupsOf(String name) {
    Optional<Principal> start = find(name);
    Set<String> groups = new LinkedHashSet<>();
    if (start.isEmpty()) {
      return groups;
    }
    Set<String> visited = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(start.get().id()));
    while (!pending.isEmpty()) {
      String memberId = pending.removeFirst();
      if (!visited.add(memberId)) {
        continue;
      }
      for (Principal group : directGroups(memberId)) {
        groups.add(group.name());
        pending.addLast(group.id());
      }
    }
    return groups;
  }

  /** Whether {@code name} is a member of the admins group, directly or through nested groups. */
  public boolean isAdmin(String name) {
    return groupsOf(name).contains(ADMINS);
  }

  private static boolean isUsersGroup(Principal principal) {
    return principal.isGroup() && principal.name().equals(USERS);
  }

  private static boolean isBuiltInGroup(Principal principal) {
    return principal.isGroup()
        && (principal.name().equals(ADMINS) || principal.name().equals(USERS));
  }

  private Principal requireGroup(String groupId) {
    Principal group =
        findById(groupId)
            .orElseThrow(
                () ->
                    GovernanceException.notFound(
                        "PRINCIPAL_DOES_NOT_EXIST", "No group with id " + groupId));
    if (!group.isGroup()) {
      throw GovernanceException.invalid("Principal '" + group.name() + "' is not a group");
    }
    return group;
  }

  private String newId() {
    // Databricks SCIM ids are decimal strings.
    return Long.toString(
        1_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000L);
  }

  private static String describe(PrincipalType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static Principal principal(ResultSet row) throws SQLException {
    return new Principal(
        row.getString("principal_id"),
        PrincipalType.valueOf(row.getString("principal_type")),
        row.getString("name"),
        row.getString("display_name"),
        row.getBoolean("active"),
        Database.instant(row, "created_at"));
  }
}

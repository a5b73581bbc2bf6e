package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One object a statement names and what it does to it. Tables and temporary views are resolved to
 * three parts with the session's current catalog and schema; schemas to two; catalogs to one.
 * Functions keep the parts as written (builtin functions have one part): whether a one-part name is
 * a builtin or a function in the current schema is for the authorizer, which knows both. The range
 * is where the name is written, when it is written in the statement's text; the relation says when
 * the reference may be replaced by a subquery (a FROM clause's table without time travel or
 * sampling), and the call when a function's body may stand in for it.
 */
public record ObjectReference(
    ObjectType type,
    ObjectName name,
    Access access,
    Optional<TextRange> range,
    Optional<Relation> relation,
    Optional<Call> call) {
  public ObjectReference {
    requireNonNull(type, "type is null");
    requireNonNull(name, "name is null");
    requireNonNull(access, "access is null");
    requireNonNull(range, "range is null");
    requireNonNull(relation, "relation is null");
    requireNonNull(call, "call is null");
  }

  public static ObjectReference of(ObjectType type, ObjectName name, Access access) {
    return new ObjectReference(
        type, name, access, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same reference without its position, for comparing what statements touch. */
  public ObjectReference withoutRange() {
    return of(type, name, access);
  }

  /**
   * A table read as a relation of a FROM clause (or a MERGE source), where a subquery may stand in
   * its place: {@code alias} is the alias written after it, if any.
   */
  public record Relation(Optional<String> alias) {
    public Relation {
      requireNonNull(alias, "alias is null");
    }
  }

  /**
   * A plain call of a function ({@code f(a, b)}: no DISTINCT, FILTER, OVER or named arguments),
   * where the function's body may stand in for it: the whole call's range and each argument's.
   */
  public record Call(TextRange range, List<TextRange> arguments) {
    public Call {
      requireNonNull(range, "range is null");
      arguments = List.copyOf(arguments);
    }
  }

  @Override
  public String toString() {
    return access + " " + type + " " + name;
  }
}

// The governance statements the gateway executes itself (Unity Catalog's syntax). Everything else
// is the engine's. Keywords are case-insensitive; names with special characters go in backticks.
grammar GovernanceSql;

options { caseInsensitive = true; }

singleStatement
    : statement ';'? EOF
    ;

statement
    : GRANT privileges ON securable TO principal                                  # grant
    | REVOKE privileges ON securable FROM principal                               # revoke
    | SHOW (GRANT | GRANTS) principal? ON securable                               # showGrants
    | SHOW CATALOGS (LIKE? pattern=STRING)?                                        # showCatalogs
    | CREATE CATALOG (IF NOT EXISTS)? identifier (COMMENT comment=STRING)?         # createCatalog
    | DROP CATALOG (IF EXISTS)? identifier (CASCADE | RESTRICT)?                   # dropCatalog
    | ALTER securableKind qualifiedName SET? OWNER TO principal                    # setOwner
    | ALTER TABLE table=qualifiedName SET ROW FILTER function=qualifiedName
        ON '(' arguments? ')'                                                      # setRowFilter
    | ALTER TABLE table=qualifiedName DROP ROW FILTER                              # dropRowFilter
    | ALTER TABLE table=qualifiedName ALTER COLUMN? column=identifier
        SET MASK function=qualifiedName (USING COLUMNS '(' arguments? ')')?        # setMask
    | ALTER TABLE table=qualifiedName ALTER COLUMN? column=identifier DROP MASK    # dropMask
    | CREATE (OR REPLACE)? FUNCTION (IF NOT EXISTS)? qualifiedName
        '(' (parameter (',' parameter)*)? ')' RETURNS dataType
        (COMMENT comment=STRING)? RETURN body=functionBody                           # createFunction
    | DROP FUNCTION (IF EXISTS)? qualifiedName                                     # dropFunction
    ;

parameter
    : identifier dataType
    ;

dataType
    : identifier ('(' NUMBER (',' NUMBER)* ')')?
    ;

// A SQL expression or query, kept as written.
functionBody
    : .+?
    ;

privileges
    : ALL PRIVILEGES?
    | privilege (',' privilege)*
    ;

privilege
    : privilegeWord+
    ;

privilegeWord
    : IDENTIFIER | CREATE | CATALOG | SCHEMA | TABLE | FUNCTION | VIEW | MATERIALIZED
    ;

securable
    : METASTORE                                        # metastoreSecurable
    | CATALOG identifier?                              # catalogSecurable
    | (SCHEMA | DATABASE) qualifiedName                # schemaSecurable
    | FUNCTION qualifiedName                           # functionSecurable
    | (TABLE | VIEW | MATERIALIZED VIEW)? qualifiedName  # tableSecurable
    ;

securableKind
    : CATALOG | SCHEMA | DATABASE | TABLE | VIEW | FUNCTION
    ;

principal
    : identifier
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

arguments
    : argument (',' argument)*
    ;

argument
    : identifier | STRING | NUMBER | TRUE | FALSE | NULL
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

nonReserved
    : CATALOGS | CASCADE | COLUMN | COLUMNS | COMMENT | FILTER | GRANTS | MASK | METASTORE | OWNER
    | PRIVILEGES | RESTRICT | ROW | MATERIALIZED | REPLACE | RETURNS | OR
    ;

ALL: 'ALL';
ALTER: 'ALTER';
CASCADE: 'CASCADE';
CATALOG: 'CATALOG';
CATALOGS: 'CATALOGS';
COLUMN: 'COLUMN';
COLUMNS: 'COLUMNS';
COMMENT: 'COMMENT';
CREATE: 'CREATE';
DATABASE: 'DATABASE';
DROP: 'DROP';
EXISTS: 'EXISTS';
FALSE: 'FALSE';
FILTER: 'FILTER';
FROM: 'FROM';
FUNCTION: 'FUNCTION';
GRANT: 'GRANT';
GRANTS: 'GRANTS';
IF: 'IF';
LIKE: 'LIKE';
MASK: 'MASK';
MATERIALIZED: 'MATERIALIZED';
METASTORE: 'METASTORE';
NOT: 'NOT';
NULL: 'NULL';
ON: 'ON';
OR: 'OR';
OWNER: 'OWNER';
PRIVILEGES: 'PRIVILEGES';
REPLACE: 'REPLACE';
RESTRICT: 'RESTRICT';
RETURN: 'RETURN';
RETURNS: 'RETURNS';
REVOKE: 'REVOKE';
ROW: 'ROW';
SCHEMA: 'SCHEMA';
SET: 'SET';
SHOW: 'SHOW';
TABLE: 'TABLE';
TO: 'TO';
TRUE: 'TRUE';
USING: 'USING';
VIEW: 'VIEW';

IDENTIFIER: [A-Z_] [A-Z0-9_]*;
BACKQUOTED_IDENTIFIER: '`' (~'`' | '``')* '`';
STRING: '\'' (~['\\] | '\\' . | '\'\'')* '\'' | '"' (~["\\] | '\\' .)* '"';
NUMBER: '-'? [0-9]+ ('.' [0-9]+)?;

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
WS: [ \t\r\n]+ -> channel(HIDDEN);

// Anything else: the statement is not one of ours (or is malformed), never a lexer failure.
UNRECOGNIZED: .;

//! The columns of Neo4j's SHOW commands, in Neo4j's order, and the procedures that
//! give them. `SHOW X` is parsed into a call of its procedure (`build/show.rs`), and the
//! binder's procedure catalogue yields these same columns, so the two cannot drift.

/// One SHOW command: the procedure it calls, every column it yields, and the ones it
/// shows without YIELD.
pub struct ShowCommand {
    pub procedure: &'static str,
    pub columns: &'static [&'static str],
    pub defaults: &'static [&'static str],
}

pub const CONSTRAINTS: ShowCommand = ShowCommand {
    procedure: "db.constraints",
    columns: &[
        "id",
        "name",
        "type",
        "entityType",
        "labelsOrTypes",
        "properties",
        "ownedIndex",
        "propertyType",
        "options",
        "createStatement",
    ],
    defaults: &["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "propertyType"],
};

/// `db.indexes()` (`exec/ops/index_rows.rs`) fills the first twelve; the last four
/// (`trackedSince`, `options`, `failureMessage`, `createStatement`) read as null.
pub const INDEXES: ShowCommand = ShowCommand {
    procedure: "db.indexes",
    columns: &[
        "id",
        "name",
        "state",
        "populationPercent",
        "type",
        "entityType",
        "labelsOrTypes",
        "properties",
        "indexProvider",
        "owningConstraint",
        "lastRead",
        "readCount",
        "trackedSince",
        "options",
        "failureMessage",
        "createStatement",
    ],
    defaults: &[
        "id",
        "name",
        "state",
        "populationPercent",
        "type",
        "entityType",
        "labelsOrTypes",
        "properties",
        "indexProvider",
        "owningConstraint",
        "lastRead",
        "readCount",
    ],
};

pub const PROCEDURES: ShowCommand = ShowCommand {
    procedure: "dbms.procedures",
    columns: &[
        "name",
        "description",
        "mode",
        "worksOnSystem",
        "signature",
        "argumentDescription",
        "returnDescription",
        "admin",
        "rolesExecution",
        "rolesBoostedExecution",
        "isDeprecated",
        "deprecatedBy",
        "option",
    ],
    defaults: &["name", "description", "mode", "worksOnSystem"],
};

pub const FUNCTIONS: ShowCommand = ShowCommand {
    procedure: "dbms.functions",
    columns: &[
        "name",
        "category",
        "description",
        "signature",
        "isBuiltIn",
        "argumentDescription",
        "returnDescription",
        "aggregating",
        "rolesExecution",
        "rolesBoostedExecution",
        "isDeprecated",
        "deprecatedBy",
    ],
    defaults: &["name", "category", "description"],
};

/// `dbms.databases()`: the one open database (`exec/ops/dbms_rows.rs`).
pub const DATABASES: ShowCommand = ShowCommand {
    procedure: "dbms.databases",
    columns: &[
        "name",
        "type",
        "aliases",
        "access",
        "databaseID",
        "serverID",
        "address",
        "role",
        "writer",
        "requestedStatus",
        "currentStatus",
        "statusMessage",
        "default",
        "home",
        "currentPrimariesCount",
        "currentSecondariesCount",
        "requestedPrimariesCount",
        "requestedSecondariesCount",
        "creationTime",
        "lastStartTime",
        "lastStopTime",
        "store",
        "lastCommittedTxn",
        "replicationLag",
        "constituents",
        "options",
    ],
    defaults: &[
        "name",
        "type",
        "aliases",
        "access",
        "address",
        "role",
        "writer",
        "requestedStatus",
        "currentStatus",
        "statusMessage",
        "default",
        "home",
        "constituents",
    ],
};

/// `dbms.settings()`: the limits a statement runs under (`--max-rows` and the others).
pub const SETTINGS: ShowCommand = ShowCommand {
    procedure: "dbms.settings",
    columns: &[
        "name",
        "value",
        "isDynamic",
        "defaultValue",
        "description",
        "startupValue",
        "isExplicitlySet",
        "validValues",
        "isDeprecated",
    ],
    defaults: &["name", "value", "isDynamic", "defaultValue", "description"],
};

/// `dbms.transactions()`: the transaction the statement runs in.
pub const TRANSACTIONS: ShowCommand = ShowCommand {
    procedure: "dbms.transactions",
    columns: &[
        "database",
        "transactionId",
        "currentQueryId",
        "connectionId",
        "clientAddress",
        "username",
        "currentQuery",
        "startTime",
        "status",
        "elapsedTime",
        "outerTransactionId",
        "metaData",
        "statusDetails",
        "protocol",
        "activeLockCount",
    ],
    defaults: &[
        "database",
        "transactionId",
        "currentQueryId",
        "connectionId",
        "clientAddress",
        "username",
        "currentQuery",
        "startTime",
        "status",
        "elapsedTime",
    ],
};

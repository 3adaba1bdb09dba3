//! The probe's ledger of hook calls: written in the action's transaction, so a rolled-back
//! action leaves no line.

use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, ConnectionTrait, QueryOrder, Schema};
use xiaoban_persistence::Db;
use xiaoban_services::ServiceError;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "test_probe_hook_calls")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub probe_id: Uuid,
    pub call: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub(super) async fn install(db: &Db) {
    let create = Schema::new(db.get_database_backend())
        .create_table_from_entity(Entity)
        .if_not_exists()
        .to_owned();
    db.execute(&create).await.expect("create the probe ledger");
}

pub(super) async fn append(db: &impl ConnectionTrait, probe: Uuid, call: &str) -> Result<(), ServiceError> {
    // UUID v7 ids are time-ordered within the process, so the ledger reads back in order.
    let row = ActiveModel {
        id: Set(Uuid::now_v7()),
        probe_id: Set(probe),
        call: Set(call.to_owned()),
    };
    Entity::insert(row)
        .exec(db)
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
    Ok(())
}

pub(super) async fn of(db: &Db, probe: Uuid) -> Vec<String> {
    Entity::find()
        .filter(Column::ProbeId.eq(probe))
        .order_by_asc(Column::Id)
        .all(db)
        .await
        .expect("read the probe ledger")
        .into_iter()
        .map(|row| row.call)
        .collect()
}

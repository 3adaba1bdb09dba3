use sea_orm::entity::prelude::*;
use xiaoban_domain::approvals::flow::InstanceStatus;

/// One request going through a template's steps.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "approval_instances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub template_id: Uuid,
    pub template_version_id: Uuid,
    pub applicant_id: Uuid,
    pub department_id: Option<Uuid>,
    pub title: String,
    pub summary: String,
    pub form: String,
    pub picked: String,
    pub status: InstanceStatus,
    pub current_step: Option<i32>,
    pub cycle: i32,
    pub returned_from_step: Option<i32>,
    pub subject_module: Option<String>,
    pub subject_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub submitted_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
    pub last_urged_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! The roster's columns (花名册).

use crate::import::Columns;

/// A roster column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    DepartmentCode,
    DepartmentName,
    ParentCode,
    Username,
    Name,
    Number,
    Phone,
    IdNumber,
    Email,
    Position,
    RoleCode,
}

pub type RawRow = crate::import::RawRow<Col>;

impl Columns for Col {
    const ALL: &'static [Self] = &[
        Self::DepartmentCode,
        Self::DepartmentName,
        Self::ParentCode,
        Self::Username,
        Self::Name,
        Self::Number,
        Self::Phone,
        Self::IdNumber,
        Self::Email,
        Self::Position,
        Self::RoleCode,
    ];
    const REQUIRED: &'static [Self] = &[Self::Username, Self::Name, Self::DepartmentCode];

    fn field(self) -> &'static str {
        match self {
            Self::DepartmentCode => "departmentCode",
            Self::DepartmentName => "departmentName",
            Self::ParentCode => "parentCode",
            Self::Username => "username",
            Self::Name => "name",
            Self::Number => "number",
            Self::Phone => "phone",
            Self::IdNumber => "idNumber",
            Self::Email => "email",
            Self::Position => "position",
            Self::RoleCode => "roleCode",
        }
    }

    fn headers(self) -> &'static [&'static str] {
        match self {
            Self::DepartmentCode => &["部门编码", "部门代码"],
            Self::DepartmentName => &["部门名称", "部门"],
            Self::ParentCode => &["上级部门编码", "上级部门代码"],
            Self::Username => &["用户名", "账号"],
            Self::Name => &["姓名"],
            Self::Number => &["工号/学号", "工号", "学号"],
            Self::Phone => &["手机", "手机号"],
            Self::IdNumber => &["身份证号", "证件号"],
            Self::Email => &["邮箱", "电子邮箱"],
            Self::Position => &["职务"],
            Self::RoleCode => &["角色", "角色编码"],
        }
    }
}

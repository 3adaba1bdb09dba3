//! The roster's sample file (花名册模板.xlsx): every column under its Chinese header, with one
//! filled-in row that passes the check once its department exists or is created by the file.

use super::columns::Col;
use crate::import::sample_workbook;
use crate::{ServiceError, Services};

const SAMPLE: [(Col, &str); 11] = [
    (Col::DepartmentCode, "jwc"),
    (Col::DepartmentName, "教务处"),
    (Col::ParentCode, ""),
    (Col::Username, "zhang.san"),
    (Col::Name, "张三"),
    (Col::Number, "T2026001"),
    (Col::Phone, "13812345678"),
    (Col::IdNumber, "11010519491231002X"),
    (Col::Email, "zhangsan@example.edu.cn"),
    (Col::Position, "教务员"),
    (Col::RoleCode, "教职工"),
];

impl Services {
    /// The sample roster file (it holds no data; the route asks for `user.import` like the import).
    pub fn roster_template(&self) -> Result<Vec<u8>, ServiceError> {
        let row: Vec<&str> = SAMPLE.iter().map(|(_, value)| *value).collect();
        sample_workbook::<Col>("花名册", &[&row], self.settings().timezone)
    }
}

#[cfg(test)]
mod tests {
    use super::{Col, SAMPLE};
    use crate::import::Columns;

    #[test]
    fn the_sample_has_every_column_once() {
        let cols: Vec<Col> = SAMPLE.iter().map(|(c, _)| *c).collect();
        assert_eq!(cols, Col::ALL);
    }
}

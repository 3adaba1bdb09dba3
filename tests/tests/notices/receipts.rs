//! Read receipts: who has read a notice, reminders to those who have not, the export.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use serde_json::{Value, json};
use xiaoban_tests::assert_problem;

use super::support::{School, departments};

fn names(page: &Value) -> Vec<String> {
    let items = page["items"].as_array().unwrap();
    items
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn receipts_show_who_has_read_and_reminders_reach_only_those_who_have_not() {
    let school = School::open().await;
    let grade = school.department("gy", "高一年级组", None).await;
    let (reader_id, reader) = school.teacher(&grade).await;
    let (_, late) = school.teacher(&grade).await;
    let (_, later) = school.teacher(&grade).await;
    let notice = school
        .app
        .published_notice(
            &school.director,
            "期中考试监考安排",
            departments(&[&grade]),
            false,
        )
        .await;
    let id = notice["id"].as_str().unwrap();

    let (status, read) = school
        .post(&reader, &format!("/api/v1/notices/{id}/read"), json!({}))
        .await;
    assert_eq!(status, 200);
    let first_read = read["readAt"].clone();
    assert!(first_read.is_string() && read["actions"] == json!([]), "{read}");
    let (_, again) = school
        .post(&reader, &format!("/api/v1/notices/{id}/read"), json!({}))
        .await;
    assert_eq!(again["readAt"], first_read, "reading again keeps the first time");
    assert_eq!(
        school.notice_titles(&reader, "read=true").await,
        ["期中考试监考安排"]
    );
    assert!(school.notice_titles(&reader, "read=false").await.is_empty());

    let receipts = format!("/api/v1/notices/{id}/receipts");
    let (status, all) = school.get(&school.director, &receipts).await;
    assert_eq!(
        (status, all["audienceCount"].as_u64(), all["readCount"].as_u64()),
        (200, Some(3), Some(1))
    );
    let reader_row = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["userId"] == reader_id.as_str())
        .cloned();
    assert_eq!(reader_row.map(|r| r["readAt"].clone()), Some(first_read));
    let (_, unread) = school
        .get(&school.director, &format!("{receipts}?read=false"))
        .await;
    assert_eq!((unread["total"].as_u64(), names(&unread).len()), (Some(2), 2));

    school.notifications(&reader).await;
    let (status, reminded) = school
        .post(&school.director, &format!("{receipts}/remind"), json!({}))
        .await;
    assert_eq!((status, reminded["reminded"].as_u64()), (200, Some(2)));
    for token in [&late, &later] {
        assert!(
            school
                .notifications(token)
                .await
                .contains(&"请阅读通知：期中考试监考安排".to_owned())
        );
    }
    assert!(
        !school
            .notifications(&reader)
            .await
            .iter()
            .any(|t| t.starts_with("请阅读"))
    );

    let res = school.app.get_as(&reader, &receipts).await;
    assert_problem(res, 403, "forbidden").await;
}

#[tokio::test]
async fn receipts_export_as_a_workbook_with_chinese_headers_unread_first() {
    let school = School::open().await;
    let grade = school.department("ge", "高二年级组", None).await;
    let (_, reader) = school.teacher(&grade).await;
    school.teacher(&grade).await;
    let notice = school
        .app
        .published_notice(&school.director, "家长会通知", departments(&[&grade]), false)
        .await;
    let id = notice["id"].as_str().unwrap();
    school
        .post(&reader, &format!("/api/v1/notices/{id}/read"), json!({}))
        .await;

    let res = school
        .app
        .get_as(
            &school.director,
            &format!("/api/v1/notices/{id}/receipts/export.xlsx"),
        )
        .await;
    assert_eq!(res.status(), 200);
    let kind = res.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(kind.contains("spreadsheetml"), "{kind}");
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("已读回执").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| {
                    if c == &Data::Empty {
                        String::new()
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(rows[0], ["姓名", "工号", "部门", "状态", "阅读时间"]);
    let states: Vec<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(states, ["未读", "已读"]);
    assert_eq!(rows[2][2], "高二年级组");
    assert_eq!(school.app.audit_count("notice.export_receipts").await, 1);
}

use proptest::prelude::*;

use super::super::ast::{CmpOp, Expr, FieldRef, Literal, Part};
use super::*;

const KEYS: [&str; 6] = ["a", "days", "amount", "period", "type", "uses"];

fn field_ref() -> impl Strategy<Value = FieldRef> {
    let part = prop_oneof![
        Just(Part::Whole),
        Just(Part::Days),
        Just(Part::Start),
        Just(Part::End)
    ];
    (prop::sample::select(&KEYS[..]), part).prop_map(|(key, part)| FieldRef {
        key: key.to_owned(),
        part,
    })
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        (-100_000_000_i64..100_000_000).prop_map(|n| Literal::Number(n as f64 / 100.0)),
        "[a-z事假 '\"\\\\-]{0,6}".prop_map(Literal::Str),
        any::<bool>().prop_map(Literal::Bool),
    ]
}

fn cmp_op() -> impl Strategy<Value = CmpOp> {
    prop::sample::select(vec![
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
        CmpOp::Lt,
        CmpOp::Le,
    ])
}

/// Any expression the grammar can express, a few levels deep.
fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        any::<bool>().prop_map(Expr::Const),
        field_ref().prop_map(Expr::Truthy),
        (field_ref(), cmp_op(), literal()).prop_map(|(field, op, literal)| Expr::Compare(field, op, literal)),
        (field_ref(), prop::collection::vec(literal(), 1..4), any::<bool>()).prop_map(
            |(field, items, negated)| Expr::In {
                field,
                items,
                negated
            }
        ),
        (field_ref(), literal()).prop_map(|(field, literal)| Expr::Contains(field, literal)),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Not(Box::new(e))),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::And),
            prop::collection::vec(inner, 2..4).prop_map(Expr::Or),
        ]
    })
}

/// Writes an expression as condition text; every `and`/`or` below the top is parenthesised.
fn render(expr: &Expr) -> String {
    let nested = |e: &Expr| match e {
        Expr::And(_) | Expr::Or(_) => format!("({})", render(e)),
        _ => render(e),
    };
    let field = |f: &FieldRef| match f.part {
        Part::Whole => f.key.clone(),
        Part::Days => format!("{}.days", f.key),
        Part::Start => format!("{}.start", f.key),
        Part::End => format!("{}.end", f.key),
    };
    let literal = |l: &Literal| match l {
        Literal::Number(n) => n.to_string(),
        Literal::Str(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Literal::Bool(b) => b.to_string(),
    };
    let op = |o: &CmpOp| match o {
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
    };
    match expr {
        Expr::Const(b) => b.to_string(),
        Expr::Truthy(f) => field(f),
        Expr::Not(inner) => format!("not {}", nested(inner)),
        Expr::And(parts) => parts.iter().map(nested).collect::<Vec<_>>().join(" and "),
        Expr::Or(parts) => parts.iter().map(nested).collect::<Vec<_>>().join(" || "),
        Expr::Compare(f, o, l) => format!("{}{}{}", field(f), op(o), literal(l)),
        Expr::In {
            field: f,
            items,
            negated,
        } => format!(
            "{} {}in [{}]",
            field(f),
            if *negated { "not " } else { "" },
            items.iter().map(literal).collect::<Vec<_>>().join(", ")
        ),
        Expr::Contains(f, l) => format!("{} contains {}", field(f), literal(l)),
    }
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "(2026-1[0-2]-[0-3][0-9]|[a-z事假]{0,4})".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("start".to_owned()),
                    Just("end".to_owned()),
                    "[a-z]{1,3}".prop_map(String::from)
                ],
                inner,
                0..3
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn values() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map(
        prop::sample::select(&KEYS[..]).prop_map(str::to_owned),
        json_value(),
        0..6,
    )
    .prop_map(|map| map.into_iter().collect())
}

/// Text made of the language's own pieces, so parsing gets past the first token.
fn condition_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        ",",
        "a",
        "period.days",
        "x.",
        " and ",
        " or ",
        "not ",
        "!",
        "&&",
        "||",
        "==",
        "=",
        "!=",
        ">",
        "<=",
        " in ",
        " contains ",
        "'事假'",
        "'",
        "\"",
        "\\",
        "3",
        "-",
        "-0.5",
        ".",
        "true",
        "类",
        " ",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_text(src in any::<String>()) {
        let _ = Condition::parse(&src);
    }

    #[test]
    fn parse_never_panics_on_near_conditions(src in condition_like()) {
        if let Err(error) = Condition::parse(&src) {
            prop_assert!(error.position <= src.chars().count());
        }
    }

    #[test]
    fn rendered_expressions_parse_back_to_the_same_tree(expr in expr()) {
        let src = render(&expr);
        prop_assume!(src.chars().count() <= 500);
        let condition = Condition::parse(&src).map_err(|e| TestCaseError::fail(format!("{src}: {e}")))?;
        prop_assert_eq!(&condition.expr, &expr);
        prop_assert_eq!(Condition::parse(condition.source()), Ok(condition.clone()));
        let stored = serde_json::to_string(&condition).unwrap();
        prop_assert_eq!(serde_json::from_str::<Condition>(&stored).unwrap(), condition);
    }

    #[test]
    fn evaluate_never_panics_and_not_negates(expr in expr(), values in values()) {
        let src = render(&expr);
        prop_assume!(src.chars().count() <= 250);
        let condition = Condition::parse(&src).unwrap();
        let negated = Condition::parse(&format!("not ({src})")).unwrap();
        prop_assert_ne!(condition.evaluate(&values), negated.evaluate(&values));
    }
}

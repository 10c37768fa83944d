//! Binding patterns: variables declared or reused, labels and types resolved, property
//! maps bound, and schema rules on endpoints checked.

use super::bound::{self, NameRef, Type};
use super::clause::PatternUse;
use super::Binder;
use crate::error::{Error, ErrorCode, Result};
use crate::store::EndpointLabels;
use crate::syntax::ast;

impl Binder<'_> {
    pub(super) fn bind_pattern(&mut self, pattern: &ast::Pattern, usage: PatternUse) -> Result<bound::Pattern> {
        self.pattern_rels.clear();
        self.pattern_from = self.n_slots;
        let parts = pattern.parts.iter().map(|p| self.bind_pattern_part(p, usage)).collect::<Result<_>>()?;
        Ok(bound::Pattern { parts })
    }

    pub(super) fn bind_pattern_part(
        &mut self,
        part: &ast::PatternPart,
        usage: PatternUse,
    ) -> Result<bound::PatternPart> {
        match part.shortest {
            Some(ast::ShortestPath::Shortest { span, .. }) if usage != PatternUse::Match => {
                return Err(Error::at(ErrorCode::InvalidPattern, span, "a path selector is only allowed in MATCH"));
            }
            Some(ast::ShortestPath::Shortest { .. }) | None => {}
            Some(_) => check_shortest_path(part, usage)?,
        }
        let element = &part.element;
        let mut nodes = vec![self.bind_node_pattern(&element.start, usage)?];
        let mut rels = Vec::new();
        for (rel, node) in &element.chain {
            rels.push(match &rel.quantified {
                Some(quantified) => self.bind_quantified(rel, quantified, usage)?,
                None => self.bind_rel_pattern(rel, usage)?,
            });
            nodes.push(self.bind_node_pattern(node, usage)?);
        }
        for (i, rel) in rels.iter().enumerate() {
            self.check_endpoints(rel, &nodes[i], &nodes[i + 1])?;
        }
        // `MATCH (a) CREATE (a)` would create nothing: a bound node may only be an
        // endpoint of a relationship CREATE makes.
        if matches!(usage, PatternUse::Create | PatternUse::Merge) && rels.is_empty() && nodes[0].bound {
            let span = element.start.variable.as_ref().map_or(element.span, |v| v.span);
            return Err(Error::at(
                ErrorCode::VariableAlreadyBound,
                span,
                "this node exists already; CREATE cannot create it again",
            ));
        }
        let path = match &part.path_variable {
            Some(ident) => Some(self.declare(ident, Type::Path)?),
            None => None,
        };
        let (shortest, selector) = match part.shortest {
            None => (None, None),
            Some(ast::ShortestPath::One) => (Some(false), None),
            Some(ast::ShortestPath::All) => (Some(true), None),
            Some(ast::ShortestPath::Shortest { k, groups, .. }) => (None, Some(bound::PathSelector { k, groups })),
        };
        let filter = match &part.where_ {
            Some(where_) if usage != PatternUse::Match => {
                return Err(Error::at(
                    ErrorCode::InvalidPattern,
                    where_.span,
                    "a WHERE inside parentheses around a path is only allowed in MATCH",
                ))
            }
            Some(where_) => Some(self.bind_predicate(where_)?),
            None => None,
        };
        let selective = part.selector && (shortest.is_some() || selector.is_some());
        Ok(bound::PatternPart { path, nodes, rels, shortest, selector, selective, filter, span: part.span })
    }

    pub(super) fn bind_node_pattern(
        &mut self,
        node: &ast::NodePattern,
        usage: PatternUse,
    ) -> Result<bound::NodePattern> {
        let writes = matches!(usage, PatternUse::Create | PatternUse::Merge);
        // CREATE and MERGE take names and `$(expr)` parts, nothing else.
        let written = node.label_expr.as_ref().filter(|_| writes).and_then(|e| e.names_and_dynamic());
        let test = node.label_expr.as_ref().filter(|_| written.is_none());
        check_readable_only(test, node.where_.as_deref(), usage, node.span)?;
        let mut labels = node.labels.iter().map(|l| self.label_ref(l)).collect::<Result<Vec<_>>>()?;
        let mut dynamic_labels = Vec::new();
        if let Some((names, dynamic)) = &written {
            labels = names.iter().map(|l| self.label_ref(l)).collect::<Result<Vec<_>>>()?;
            dynamic_labels = dynamic.iter().map(|e| self.bind_expr(e)).collect::<Result<Vec<_>>>()?;
        } else if let Some(test) = &node.label_expr {
            self.check_label_names(test)?;
            labels = self.required_labels(test)?;
        }
        let properties = self.bind_pattern_properties(node.properties.as_ref(), usage)?;
        let (slot, bound) = match &node.variable {
            Some(ident) => match self.scope.get(&ident.name) {
                Some((slot, ty)) => {
                    if !matches!(ty, Type::Node | Type::Any) {
                        return Err(Error::at(
                            ErrorCode::VariableTypeConflict,
                            ident.span,
                            format!("`{}` is bound to {}, not a node", ident.name, a_type_word(ty)),
                        ));
                    }
                    if matches!(usage, PatternUse::Create | PatternUse::Merge)
                        && (!labels.is_empty() || node.properties.is_some())
                    {
                        return Err(Error::at(
                            ErrorCode::VariableAlreadyBound,
                            ident.span,
                            format!(
                                "`{}` is already bound; {} cannot add labels or properties to it here",
                                ident.name,
                                if usage == PatternUse::Merge { "MERGE" } else { "CREATE" }
                            ),
                        ));
                    }
                    (slot, true)
                }
                None if usage == PatternUse::Predicate => {
                    return Err(self
                        .lookup(&ident.name, ident.span)
                        .err()
                        .unwrap_or_else(|| Error::internal("lookup")));
                }
                None => (self.declare(ident, Type::Node)?, false),
            },
            None => (self.new_slot(), false),
        };
        if usage == PatternUse::Create && !bound && self.typed() && labels.is_empty() && dynamic_labels.is_empty() {
            return Err(Error::at(ErrorCode::UnknownLabel, node.span, "a node created in a typed graph needs a label"));
        }
        self.note_labels(slot, &labels);
        let key = self.key_of(&labels, &properties);
        let mut conditions = Vec::new();
        if let Some(test) = &node.label_expr {
            let owner = super::labels::slot_expr(slot, Type::Node, node.span);
            conditions.push(self.bind_label_test(owner, test)?);
        }
        if let Some(where_) = &node.where_ {
            conditions.push(self.bind_predicate(where_)?);
        }
        let filter = super::labels::conjoin(conditions);
        Ok(bound::NodePattern { slot, bound, labels, properties, key, filter, dynamic_labels, span: node.span })
    }

    pub(super) fn bind_rel_pattern(&mut self, rel: &ast::RelPattern, usage: PatternUse) -> Result<bound::RelPattern> {
        // `[:$(expr)]`: a type computed at run time, made by CREATE and MERGE, tested by a
        // condition elsewhere.
        let dynamic = match &rel.type_expr {
            Some(ast::LabelExpr::Dynamic { expr, any: false, .. }) => Some(&**expr),
            _ => None,
        };
        let has_dynamic = rel.type_expr.as_ref().is_some_and(holds_dynamic);
        let test = rel.type_expr.as_ref().filter(|_| dynamic.is_none());
        check_readable_only(test, rel.where_.as_deref(), usage, rel.span)?;
        let types = match &rel.type_expr {
            Some(_) if has_dynamic => Vec::new(),
            Some(test) => self.bind_type_expr(test)?,
            None => rel.types.iter().map(|t| self.rel_type_ref(t)).collect::<Result<Vec<_>>>()?,
        };
        if has_dynamic && rel.range.is_some() {
            return Err(Error::at(
                ErrorCode::UnsupportedFeature,
                rel.span,
                "a dynamic type on a variable-length relationship is not supported yet",
            ));
        }
        let dynamic_type = dynamic.map(|e| self.bind_expr(e)).transpose()?;
        if let (Some(where_), Some(_)) = (&rel.where_, rel.range) {
            return Err(Error::at(
                ErrorCode::InvalidPattern,
                where_.span,
                "a WHERE inside a variable-length relationship is not allowed; put it after the pattern",
            ));
        }
        let properties = self.bind_pattern_properties(rel.properties.as_ref(), usage)?;
        let length = rel.range.map(|r| (r.min.unwrap_or(1), r.max));
        if matches!(usage, PatternUse::Create | PatternUse::Merge) {
            if let Some(ident) = rel.variable.as_ref().filter(|v| self.scope.get(&v.name).is_some()) {
                return Err(Error::at(
                    ErrorCode::VariableAlreadyBound,
                    ident.span,
                    format!("relationship variable `{}` is already bound", ident.name),
                ));
            }
            self.check_creatable_rel(rel, types.len() + usize::from(dynamic_type.is_some()), length, usage)?;
        }
        let ty = if length.is_some() { Type::List } else { Type::Relationship };
        let (slot, bound) = match &rel.variable {
            Some(ident) => match self.scope.get(&ident.name) {
                Some(_) if usage != PatternUse::Match && usage != PatternUse::Predicate => {
                    return Err(Error::at(
                        ErrorCode::VariableAlreadyBound,
                        ident.span,
                        format!("relationship variable `{}` is already bound", ident.name),
                    ));
                }
                Some(_) if self.pattern_rels.contains(&ident.name) => {
                    return Err(Error::at(
                        ErrorCode::RelationshipUniquenessViolation,
                        ident.span,
                        format!(
                            "relationship `{}` appears twice in one pattern; a MATCH uses a relationship once",
                            ident.name
                        ),
                    ));
                }
                Some((slot, found)) => {
                    // A single relationship cannot be a list, nor a variable-length one a single.
                    let fits = match length {
                        None => matches!(found, Type::Relationship | Type::Any),
                        Some(_) => matches!(found, Type::List | Type::Any),
                    };
                    if !fits {
                        return Err(Error::at(
                            ErrorCode::VariableTypeConflict,
                            ident.span,
                            format!("`{}` is bound to {}, not a relationship", ident.name, a_type_word(found)),
                        ));
                    }
                    if length.is_some() && usage == PatternUse::Match {
                        // An equijoin on a list of relationships: the relationships found
                        // must be that list, in its order (Neo4j's manual, "Equijoins").
                        let fresh = self.new_slot();
                        let found_list = super::labels::slot_expr(slot, found, ident.span);
                        let matched = super::labels::slot_expr(fresh, Type::List, ident.span);
                        self.equijoins.push(bound::Expr {
                            kind: bound::ExprKind::Binary(
                                crate::syntax::ast::BinaryOp::Eq,
                                Box::new(matched),
                                Box::new(found_list),
                            ),
                            ty: Type::Bool,
                            span: ident.span,
                        });
                        (fresh, false)
                    } else {
                        (slot, true)
                    }
                }
                None if usage == PatternUse::Predicate => {
                    return Err(self
                        .lookup(&ident.name, ident.span)
                        .err()
                        .unwrap_or_else(|| Error::internal("lookup")));
                }
                None => (self.declare(ident, ty)?, false),
            },
            None => (self.new_slot(), false),
        };
        if let Some(ident) = &rel.variable {
            self.pattern_rels.push(ident.name.clone());
        }
        if length.is_none() {
            self.note_types(slot, &types);
        }
        let mut conditions = Vec::new();
        if let Some(test) = rel.type_expr.as_ref().filter(|_| has_dynamic) {
            let owner = super::labels::slot_expr(slot, Type::Relationship, rel.span);
            conditions.push(self.bind_label_test(owner, test)?);
        }
        if let Some(where_) = rel.where_.as_deref() {
            conditions.push(self.bind_predicate(where_)?);
        }
        let filter = super::labels::conjoin(conditions);
        Ok(bound::RelPattern {
            slot,
            bound,
            types,
            direction: rel.direction,
            length,
            properties,
            filter,
            dynamic_type,
            quantified: None,
            span: rel.span,
        })
    }

    /// The first label whose declared key property the pattern gives.
    fn key_of(
        &self,
        labels: &[bound::LabelRef],
        properties: &[(bound::PropKeyRef, bound::Expr)],
    ) -> Option<(bound::LabelRef, usize)> {
        labels.iter().find_map(|label| {
            let key = self.view.schema.node_type(label.id?)?.key?;
            let index = properties.iter().position(|(k, _)| k.id == Some(key))?;
            Some((label.clone(), index))
        })
    }

    /// CREATE and MERGE need exactly one type, a direction, and a fixed length.
    fn check_creatable_rel(
        &self,
        rel: &ast::RelPattern,
        n_types: usize,
        length: Option<(u64, Option<u64>)>,
        usage: PatternUse,
    ) -> Result<()> {
        if n_types != 1 {
            return Err(Error::at(
                ErrorCode::NoSingleRelationshipType,
                rel.span,
                "a relationship to create needs exactly one type",
            ));
        }
        if rel.direction == ast::RelDirection::Both && usage == PatternUse::Create {
            return Err(Error::at(
                ErrorCode::RequiresDirectedRelationship,
                rel.span,
                "a relationship to create needs a direction: -[…]-> or <-[…]-",
            ));
        }
        if length.is_some() {
            return Err(Error::at(
                ErrorCode::CreatingVarLength,
                rel.span,
                "a variable-length relationship cannot be created",
            ));
        }
        Ok(())
    }

    fn bind_pattern_properties(
        &mut self,
        props: Option<&ast::Expr>,
        usage: PatternUse,
    ) -> Result<Vec<(bound::PropKeyRef, bound::Expr)>> {
        let Some(props) = props else {
            return Ok(Vec::new());
        };
        match &props.kind {
            ast::ExprKind::Map(entries) => {
                entries.iter().map(|(key, value)| Ok((self.prop_key_ref(key)?, self.bind_expr(value)?))).collect()
            }
            // A map parameter may only give the properties of what CREATE makes: matching
            // on one would hide which keys are compared.
            ast::ExprKind::Parameter(name) if usage != PatternUse::Create => Err(Error::at(
                ErrorCode::InvalidParameterUse,
                props.span,
                format!("parameter maps cannot be used to match (${name}); write {{key: $param.key, …}}"),
            )),
            ast::ExprKind::Parameter(name) => {
                let value = self.param(name, props.span)?;
                let crate::Value::Map(map) = value else {
                    return Err(Error::at(
                        ErrorCode::InvalidArgumentType,
                        props.span,
                        format!("parameter ${name} must be a map"),
                    ));
                };
                Ok(map
                    .iter()
                    .map(|(k, v)| {
                        let key = NameRef { name: k.clone(), id: self.view.catalog.prop_key(k) };
                        (
                            key,
                            bound::Expr { kind: bound::ExprKind::Literal(v.clone()), ty: Type::Any, span: props.span },
                        )
                    })
                    .collect())
            }
            _ => Err(Error::at(ErrorCode::InvalidArgumentType, props.span, "pattern properties must be a map")),
        }
    }

    /// In a typed graph, a relationship pattern between labels its type never connects
    /// can match nothing and create nothing: report it.
    /// Only a single hop is checked: a variable-length one may chain its types through
    /// other labels (`(:Person)-[:MEMBER_OF*2]-(:Person)` meets at an organization) or
    /// have no hop at all (`*0..`), so its ends need not fit one declaration.
    fn check_endpoints(
        &self,
        rel: &bound::RelPattern,
        left: &bound::NodePattern,
        right: &bound::NodePattern,
    ) -> Result<()> {
        let single_hop = matches!(rel.length, None | Some((1, Some(1))));
        if !self.typed() || !single_hop || rel.types.is_empty() || left.labels.is_empty() || right.labels.is_empty() {
            return Ok(());
        }
        let ids = |labels: &[bound::LabelRef]| labels.iter().filter_map(|l| l.id).collect::<Vec<_>>();
        let (left_ids, right_ids) = (ids(&left.labels), ids(&right.labels));
        let fits = |start: &[crate::store::LabelId], end: &[crate::store::LabelId]| {
            rel.types
                .iter()
                .filter_map(|t| t.id)
                .filter_map(|t| self.view.schema.rel_type(t))
                .any(|ty| ty.endpoints.iter().any(|(from, to)| admits_all(from, start) && admits_all(to, end)))
        };
        let ok = match rel.direction {
            ast::RelDirection::Right => fits(&left_ids, &right_ids),
            ast::RelDirection::Left => fits(&right_ids, &left_ids),
            ast::RelDirection::Both => fits(&left_ids, &right_ids) || fits(&right_ids, &left_ids),
        };
        if ok {
            return Ok(());
        }
        let names = |labels: &[bound::LabelRef]| labels.iter().map(|l| format!(":{}", l.name)).collect::<String>();
        let types: Vec<&str> = rel.types.iter().map(|t| &*t.name).collect();
        let allowed: Vec<String> = rel
            .types
            .iter()
            .filter_map(|t| t.id)
            .filter_map(|t| self.view.schema.rel_type(t))
            .map(|ty| crate::store::rel_type_ddl(ty, self.view.catalog))
            .collect();
        Err(Error::at(
            ErrorCode::InvalidEndpoints,
            rel.span,
            format!(
                "the schema never connects ({}) and ({}) by {}",
                names(&left.labels),
                names(&right.labels),
                types.join("|")
            ),
        )
        .with_hint(format!("declared: {}", allowed.join("; "))))
    }
}

/// Whether some label of a node with all of `labels` may stand at this endpoint.
fn admits_all(side: &EndpointLabels, labels: &[crate::store::LabelId]) -> bool {
    side.admits(labels)
}

/// Whether a type expression computes a type at run time somewhere.
fn holds_dynamic(test: &ast::LabelExpr) -> bool {
    match test {
        ast::LabelExpr::Dynamic { .. } => true,
        ast::LabelExpr::Not(inner) => holds_dynamic(inner),
        ast::LabelExpr::And(items) | ast::LabelExpr::Or(items) => items.iter().any(holds_dynamic),
        ast::LabelExpr::Name(_) | ast::LabelExpr::Any(_) => false,
    }
}

/// CREATE and MERGE make what they are given: no label expression but plain labels,
/// and no WHERE inside a pattern.
fn check_readable_only(
    test: Option<&ast::LabelExpr>,
    where_: Option<&ast::Expr>,
    usage: PatternUse,
    span: crate::span::Span,
) -> Result<()> {
    if !matches!(usage, PatternUse::Create | PatternUse::Merge) {
        return Ok(());
    }
    if let Some(where_) = where_ {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            where_.span,
            "a WHERE inside a pattern is not allowed in CREATE or MERGE",
        ));
    }
    if test.is_some() {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            span,
            "CREATE and MERGE take plain labels (`:A:B` or `:A&B`) and one type, not a label expression",
        ));
    }
    Ok(())
}

/// shortestPath takes one relationship between two nodes, in MATCH only.
fn check_shortest_path(part: &ast::PatternPart, usage: PatternUse) -> Result<()> {
    if usage != PatternUse::Match {
        return Err(Error::at(ErrorCode::InvalidPattern, part.span, "shortestPath is only allowed in MATCH"));
    }
    if let Some(quantified) = part.element.chain.first().and_then(|(rel, _)| rel.quantified.as_ref()) {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            quantified.span,
            "shortestPath takes one relationship, not a quantified path pattern; write MATCH SHORTEST 1 (a)(…)+(b)",
        ));
    }
    if part.element.chain.len() != 1 {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            part.element.span,
            "shortestPath needs a pattern of exactly one relationship: (a)-[*]-(b)",
        ));
    }
    if let Some(range) = part.element.chain[0].0.range {
        if range.min.is_some_and(|m| m > 1) {
            return Err(Error::at(ErrorCode::InvalidPattern, range.span, "shortestPath starts at length 0 or 1"));
        }
    }
    Ok(())
}

/// The type with its article, for messages: "an integer", "a node".
pub(super) fn a_type_word(ty: Type) -> String {
    let word = type_word(ty);
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {word}")
}

pub(super) fn type_word(ty: Type) -> &'static str {
    match ty {
        Type::Any => "value",
        Type::Node => "node",
        Type::Relationship => "relationship",
        Type::Path => "path",
        Type::Bool => "boolean",
        Type::Int => "integer",
        Type::Float => "float",
        Type::String => "string",
        Type::List => "list",
        Type::Map => "map",
        Type::Date => "date",
    }
}

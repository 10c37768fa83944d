//! Version 9's kept incoming arrays: they load as the graph they were written from, and a
//! damaged or cut file is refused with an error, never a panic.

use super::layout::encode_body_keeping;
use super::{frame_as, from_bytes, head_dto, to_bytes, Identity, HEADER_LEN, IDENTITY_LEN};
use crate::store::Graph;
use crate::{Database, ErrorCode, Params};

/// Dense and sparse runs, consecutive and listed ids, a deleted relationship, and
/// relationships written after the arrays were built.
fn sample() -> Database {
    let mut db = Database::empty();
    let script = "UNWIND range(1, 40) AS i CREATE (:N {i: i});
                  MATCH (a:N {i: 1}), (b:N {i: 2}), (c:N {i: 3})
                  CREATE (a)-[:R {y: 1}]->(b), (a)-[:R {y: 2}]->(c), (c)-[:R]->(a), (b)-[:R]->(b);
                  MATCH (a:N {i: 1}), (z:N {i: 40}) CREATE (a)-[:S]->(z), (z)-[:S {w: 0.5}]->(a);
                  MATCH (:N {i: 2})-[r:R]->() DELETE r;
                  MATCH (a:N {i: 3}), (b:N {i: 1}) CREATE (a)-[:R {y: 9}]->(b);";
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    db
}

/// `graph` as a version 9 file in which every type keeps its incoming arrays.
fn keeping_all(graph: &Graph) -> Vec<u8> {
    let (version, body) = encode_body_keeping(graph, 0, head_dto(graph), 1).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(version, 9);
    frame_as(version, &Identity::ANONYMOUS, &body)
}

fn body(bytes: &[u8]) -> &[u8] {
    &bytes[HEADER_LEN + IDENTITY_LEN..]
}

fn load(bytes: &[u8]) -> Graph {
    from_bytes(bytes).unwrap_or_else(|e| panic!("{}", e.message))
}

#[test]
fn kept_incoming_arrays_load_as_the_graph_they_were_written_from() {
    let db = sample();
    let bytes = keeping_all(db.graph());
    let loaded = load(&bytes);
    // The version 8 form holds everything but the incoming arrays, which it builds.
    assert_eq!(to_bytes(&loaded).ok(), to_bytes(db.graph()).ok());
    // The arrays a load keeps are those a graph with writes since its build makes.
    assert_eq!(keeping_all(&loaded), bytes);
    let incoming = |db: &mut Database| {
        let query = "MATCH (a:N)<-[r]-(b:N) RETURN a.i, type(r), r.y, b.i ORDER BY a.i, b.i, r.y";
        db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message)).rows
    };
    let expected = incoming(&mut sample());
    assert_eq!(expected.len(), 6);
    assert_eq!(incoming(&mut Database::from_graph(loaded)), expected);
}

#[test]
fn a_small_graph_is_still_written_as_version_8() {
    let bytes = to_bytes(sample().graph()).unwrap_or_default();
    assert_eq!(u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]), 8);
}

#[test]
fn every_damaged_byte_of_a_version_9_body_is_refused_or_loads_without_a_panic() {
    let bytes = keeping_all(sample().graph());
    let mut refused_layouts = 0;
    for at in 0..body(&bytes).len() {
        let mut damaged = body(&bytes).to_vec();
        damaged[at] ^= 0x5a;
        // A correct checksum over the damaged body, so that the decoder meets the damage.
        if let Err(e) = from_bytes(&frame_as(9, &Identity::ANONYMOUS, &damaged)) {
            assert_eq!(e.code, ErrorCode::CorruptSnapshot, "{}", e.message);
            refused_layouts += usize::from(e.message.contains("do not fit"));
        }
    }
    assert!(refused_layouts > 0);
}

#[test]
fn a_cut_version_9_body_is_refused() {
    let bytes = keeping_all(sample().graph());
    for len in 0..body(&bytes).len() {
        let cut = &body(&bytes)[..len];
        match from_bytes(&frame_as(9, &Identity::ANONYMOUS, cut)) {
            Ok(_) => panic!("a body cut to {len} bytes loaded"),
            Err(e) => assert_eq!(e.code, ErrorCode::CorruptSnapshot, "{}", e.message),
        }
        // And a file whose header claims more than it holds.
        let mut file = bytes.clone();
        file.truncate(HEADER_LEN + IDENTITY_LEN + len);
        assert!(from_bytes(&file).is_err_and(|e| e.message.contains("truncated")));
    }
}

#[test]
fn a_key_index_filled_beside_the_relationships_read_finds_every_key() {
    // Past the size from which the key index is filled on a thread of its own.
    let mut db = Database::empty();
    let script = "CREATE NODE TYPE P (id INT KEY);
                  CREATE RELATIONSHIP TYPE R (P -> P);
                  UNWIND range(1, 20000) AS i CREATE (:P {id: i});
                  MATCH (a:P {id: 1}), (b:P {id: 20000}) CREATE (a)-[:R]->(b);";
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
    let mut loaded = Database::from_graph(load(&to_bytes(db.graph()).unwrap_or_default()));
    let params = Params::new();
    for id in [1, 7_777, 20_000] {
        let query = format!("MATCH (p:P {{id: {id}}}) RETURN p.id");
        let rows = loaded.execute(&query, &params).unwrap_or_else(|e| panic!("{}", e.message)).rows;
        assert_eq!(rows.len(), 1, "key {id}");
    }
    match loaded.execute("CREATE (:P {id: 12345})", &params) {
        Ok(_) => panic!("a second node took key 12345"),
        Err(e) => assert_eq!(e.code, ErrorCode::DuplicateKey, "{}", e.message),
    }
}

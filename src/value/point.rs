//! Spatial points as Neo4j has them: 2D or 3D, in a Cartesian or the WGS-84 coordinate
//! reference system, named by SRID (7203, 9157, 4326, 4979).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// A coordinate reference system Neo4j knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Crs {
    Cartesian,
    Cartesian3D,
    Wgs84,
    Wgs84_3D,
}

impl Crs {
    pub const ALL: [Crs; 4] = [Crs::Cartesian, Crs::Cartesian3D, Crs::Wgs84, Crs::Wgs84_3D];

    pub fn srid(self) -> u32 {
        match self {
            Crs::Cartesian => 7203,
            Crs::Cartesian3D => 9157,
            Crs::Wgs84 => 4326,
            Crs::Wgs84_3D => 4979,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Crs::Cartesian => "cartesian",
            Crs::Cartesian3D => "cartesian-3d",
            Crs::Wgs84 => "wgs-84",
            Crs::Wgs84_3D => "wgs-84-3d",
        }
    }

    pub fn of_srid(srid: i64) -> Option<Crs> {
        Crs::ALL.into_iter().find(|c| i64::from(c.srid()) == srid)
    }

    pub fn of_name(name: &str) -> Option<Crs> {
        Crs::ALL.into_iter().find(|c| c.name().eq_ignore_ascii_case(name))
    }

    pub fn is_3d(self) -> bool {
        matches!(self, Crs::Cartesian3D | Crs::Wgs84_3D)
    }

    pub fn is_geographic(self) -> bool {
        matches!(self, Crs::Wgs84 | Crs::Wgs84_3D)
    }
}

/// A point: `x`/`y` are longitude/latitude in WGS-84; `z` (height) only in 3D.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub crs: Crs,
    pub x: f64,
    pub y: f64,
    pub z: Option<f64>,
}

/// The mean Earth radius Neo4j measures WGS-84 distances with, in metres.
const EARTH_RADIUS_METRES: f64 = 6_378_140.0;

impl Point {
    fn coords(&self) -> [f64; 3] {
        [self.x, self.y, self.z.unwrap_or(0.0)]
    }

    /// `point.distance`: Euclidean in Cartesian systems, haversine in metres on WGS-84
    /// (in 3D on the sphere raised to the mean height, with the height difference); `None` between different systems.
    pub fn distance(&self, other: &Point) -> Option<f64> {
        if self.crs != other.crs {
            return None;
        }
        if !self.crs.is_geographic() {
            let (a, b) = (self.coords(), other.coords());
            return Some(a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum::<f64>().sqrt());
        }
        let (lat1, lat2) = (self.y.to_radians(), other.y.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.x - self.x).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        let (z1, z2) = (self.z.unwrap_or(0.0), other.z.unwrap_or(0.0));
        // In 3D Neo4j measures the arc at the two points' mean height above the sphere.
        let radius = EARTH_RADIUS_METRES + (z1 + z2) / 2.0;
        let ground = 2.0 * radius * h.sqrt().min(1.0).asin();
        let dz = z1 - z2;
        Some((ground * ground + dz * dz).sqrt())
    }

    /// `point.withinBBox`: inside the box from `lower_left` to `upper_right`, edges
    /// included; on WGS-84 a box whose left edge is east of its right edge crosses the
    /// 180th meridian. `None` between different systems.
    pub fn within_bbox(&self, lower_left: &Point, upper_right: &Point) -> Option<bool> {
        if self.crs != lower_left.crs || self.crs != upper_right.crs {
            return None;
        }
        let between = |v: f64, lo: f64, hi: f64| lo <= v && v <= hi;
        let x_ok = if self.crs.is_geographic() && lower_left.x > upper_right.x {
            self.x >= lower_left.x || self.x <= upper_right.x
        } else {
            between(self.x, lower_left.x, upper_right.x)
        };
        let z_ok = match (self.z, lower_left.z, upper_right.z) {
            (Some(z), Some(lo), Some(hi)) => between(z, lo, hi),
            _ => true,
        };
        Some(x_ok && between(self.y, lower_left.y, upper_right.y) && z_ok)
    }

    /// The order `ORDER BY` uses among points: by system, then coordinates.
    pub fn order(&self, other: &Point) -> Ordering {
        self.crs.cmp(&other.crs).then_with(|| {
            let (a, b) = (self.coords(), other.coords());
            a.iter().zip(b).map(|(p, q)| p.total_cmp(&q)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
        })
    }
}

impl Eq for Point {}

impl Hash for Point {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.crs.hash(state);
        for c in self.coords() {
            // 0.0 and -0.0 are equal points.
            (if c == 0.0 { 0.0f64 } else { c }).to_bits().hash(state);
        }
    }
}

/// `point({x: 1.0, y: 2.0, crs: 'cartesian'})`, as a Cypher expression that makes it again.
impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let num = super::format_float;
        write!(f, "point({{x: {}, y: {}", num(self.x), num(self.y))?;
        if let Some(z) = self.z {
            write!(f, ", z: {}", num(z))?;
        }
        write!(f, ", crs: '{}'}})", self.crs.name())
    }
}

//! The map's batched meshes: many nodes in one triangle mesh (a dark ring and a fill per node,
//! coloured per vertex), many arrows in one line mesh; built once, and recoloured in place
//! where a node's or an edge's look changed.

use super::layout::NODE_RADIUS;
use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology, VertexAttributeValues};
use bevy::prelude::*;

/// Sides of a node's polygon.
const SIDES: u32 = 16;
/// Vertices per node: the ring's centre and rim, then the fill's.
pub(crate) const NODE_VERTS: usize = 2 * (SIDES as usize + 1);
/// Vertices per arrow: the shaft and the two strokes of its tip.
pub(crate) const ARROW_VERTS: usize = 6;
const TIP: f32 = 8.0;
/// The ring behind a node.
pub(crate) const RING: Color = Color::srgb(0.12, 0.13, 0.15);

fn linear(c: Color) -> [f32; 4] {
    c.to_linear().to_f32_array()
}

/// One mesh for nodes at `at` (in that order), each filled with `fill` and ringed with `ring`.
pub(crate) fn nodes(at: &[Vec2], fill: Color, ring: Color) -> Mesh {
    let mut pos = Vec::with_capacity(at.len() * NODE_VERTS);
    let mut idx = Vec::with_capacity(at.len() * SIDES as usize * 6);
    for p in at {
        for (r, z) in [(NODE_RADIUS + 3.0, -0.1), (NODE_RADIUS, 0.0)] {
            let base = pos.len() as u32;
            pos.push([p.x, p.y, z]);
            for k in 0..SIDES {
                let a = k as f32 / SIDES as f32 * std::f32::consts::TAU;
                pos.push([p.x + r * a.cos(), p.y + r * a.sin(), z]);
            }
            for k in 0..SIDES {
                idx.extend([base, base + 1 + k, base + 1 + (k + 1) % SIDES]);
            }
        }
    }
    let half = SIDES as usize + 1;
    let colours: Vec<[f32; 4]> = (0..at.len() * NODE_VERTS)
        .map(|v| {
            if v % NODE_VERTS < half {
                linear(ring)
            } else {
                linear(fill)
            }
        })
        .collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, pos)
    .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, colours)
    .with_inserted_indices(Indices::U32(idx))
}

/// Recolour node `k` of a mesh made by [`nodes`]; false when the mesh has no such node.
pub(crate) fn recolour_node(mesh: &mut Mesh, k: usize, fill: Color, ring: Color) -> bool {
    let Ok(VertexAttributeValues::Float32x4(c)) = mesh.try_attribute_mut(Mesh::ATTRIBUTE_COLOR)
    else {
        return false;
    };
    let half = SIDES as usize + 1;
    let Some(verts) = c.get_mut(k * NODE_VERTS..(k + 1) * NODE_VERTS) else {
        return false;
    };
    let (r, f) = verts.split_at_mut(half);
    r.fill(linear(ring));
    f.fill(linear(fill));
    true
}

/// One line mesh of arrows from `a` to `b`, each in its colour; `None` ends give an arrow
/// of no length (nothing drawn) that keeps its place for [`recolour_arrow`].
pub(crate) fn arrows(list: &[(Option<(Vec2, Vec2)>, Color)]) -> Mesh {
    // A mesh with no vertices upsets the renderer's buffer allocator: keep one of no length.
    let none = [(None, Color::NONE)];
    let list = if list.is_empty() { &none[..] } else { list };
    let mut pos = Vec::with_capacity(list.len() * ARROW_VERTS);
    let mut col = Vec::with_capacity(list.len() * ARROW_VERTS);
    for (ends, c) in list {
        let (a, b) = ends.unwrap_or((Vec2::ZERO, Vec2::ZERO));
        let d = (b - a).normalize_or_zero();
        let n = d.perp();
        let back = b - d * TIP;
        for p in [a, b, b, back + n * TIP * 0.5, b, back - n * TIP * 0.5] {
            let p = if ends.is_some() { p } else { Vec2::ZERO };
            pos.push([p.x, p.y, 0.0]);
            col.push(linear(*c));
        }
    }
    Mesh::new(PrimitiveTopology::LineList, RenderAssetUsages::default())
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, pos)
        .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, col)
}

/// Recolour arrow `k` of a mesh made by [`arrows`].
pub(crate) fn recolour_arrow(mesh: &mut Mesh, k: usize, c: Color) -> bool {
    let Ok(VertexAttributeValues::Float32x4(v)) = mesh.try_attribute_mut(Mesh::ATTRIBUTE_COLOR)
    else {
        return false;
    };
    match v.get_mut(k * ARROW_VERTS..(k + 1) * ARROW_VERTS) {
        Some(x) => {
            x.fill(linear(c));
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_and_arrows_recolour_in_place() {
        let at = [Vec2::ZERO, Vec2::new(40.0, 0.0)];
        let mut m = nodes(&at, Color::WHITE, RING);
        assert_eq!(m.count_vertices(), 2 * NODE_VERTS);
        assert!(recolour_node(&mut m, 1, Color::BLACK, RING));
        assert!(!recolour_node(&mut m, 2, Color::BLACK, RING));
        let Some(VertexAttributeValues::Float32x4(c)) = m.attribute(Mesh::ATTRIBUTE_COLOR) else {
            panic!("colours");
        };
        assert_eq!(c[NODE_VERTS - 1], linear(Color::WHITE));
        assert_eq!(c[2 * NODE_VERTS - 1], linear(Color::BLACK));
        let mut a = arrows(&[
            (Some((Vec2::ZERO, Vec2::X * 50.0)), Color::WHITE),
            (None, RING),
        ]);
        assert_eq!(a.count_vertices(), 2 * ARROW_VERTS);
        assert!(recolour_arrow(&mut a, 1, Color::BLACK));
    }
}

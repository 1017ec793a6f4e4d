import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import type { PersonId, Ring, Sector } from '../../../../shared/plan/index.ts'
import { cellAt, type Point } from './geometry.ts'

export interface Cell {
  ring: Ring
  sector: Sector
}

/** A drag in progress: who, from where, and the cell under the pointer now. */
export interface MapDrag {
  person: PersonId
  label: string
  client: Point
  target: Cell | null
}

/** The pointer handlers a draggable person gets (none when the map is read-only). */
export interface DragHandlers {
  onPointerDown?: (event: ReactPointerEvent<Element>) => void
  onPointerMove?: (event: ReactPointerEvent<Element>) => void
  onPointerUp?: (event: ReactPointerEvent<Element>) => void
  onPointerCancel?: () => void
}

/** Movement (in CSS pixels) before a press becomes a drag, so a tap or click stays a click. */
const DRAG_THRESHOLD = 5

/**
 * Dragging people onto and across the relatiekaart with pointer events (mouse,
 * pen, touch). Hand-written rather than react-aria's drag and drop: that one
 * rides on HTML drag events, which tell nothing about where in an SVG circle
 * something lands, and the drop point's ring and sector is the whole point
 * here. The keyboard alternative lives on the pills themselves (arrow keys)
 * and in the dialogs; this hook is only the pointer way.
 *
 * `onDrop` is called once per drag, on release over a cell.
 */
export function useMapDrag(svg: RefObject<SVGSVGElement | null>, onDrop: (person: PersonId, to: Cell) => void, enabled = true) {
  const [drag, setDrag] = useState<MapDrag | null>(null)
  const press = useRef<{ person: PersonId; label: string; start: Point; active: boolean } | null>(null)
  /** Set after a drag, so the click that follows the release does not also open a dialog. */
  const dragged = useRef(false)

  // A finger on a name in the drawing drags it instead of scrolling the page. CSS touch-action does that for the
  // names beside the map (HTML), but Chromium ignores it on elements inside an SVG, so the drawing cancels the
  // scroll itself, only while a name is pressed: elsewhere on the map the page still scrolls under a finger.
  // React's touch listeners are passive and cannot cancel, hence a native one.
  useEffect(() => {
    const element = svg.current
    if (!element || !enabled) return
    const holdStill = (event: TouchEvent) => {
      if (press.current && event.cancelable) event.preventDefault()
    }
    element.addEventListener('touchmove', holdStill, { passive: false })
    return () => element.removeEventListener('touchmove', holdStill)
  }, [svg, enabled])

  function cellUnder(client: Point): Cell | null {
    const element = svg.current
    const matrix = element?.getScreenCTM()
    if (!element || !matrix) return null
    const point = new DOMPoint(client.x, client.y).matrixTransform(matrix.inverse())
    return cellAt({ x: point.x, y: point.y })
  }

  /** Pointer handlers for one draggable person (a pill on the map or a chip beside it). */
  function handlers(person: PersonId, label: string): DragHandlers {
    if (!enabled) return {}
    return {
      onPointerDown(event: ReactPointerEvent<Element>) {
        if (event.button !== 0) return
        dragged.current = false
        press.current = { person, label, start: { x: event.clientX, y: event.clientY }, active: false }
        event.currentTarget.setPointerCapture(event.pointerId)
      },
      onPointerMove(event: ReactPointerEvent<Element>) {
        const current = press.current
        if (!current || current.person !== person) return
        const client = { x: event.clientX, y: event.clientY }
        if (!current.active && Math.hypot(client.x - current.start.x, client.y - current.start.y) < DRAG_THRESHOLD) return
        current.active = true
        event.preventDefault()
        setDrag({ person, label, client, target: cellUnder(client) })
      },
      onPointerUp(event: ReactPointerEvent<Element>) {
        const current = press.current
        press.current = null
        if (!current?.active || current.person !== person) return
        // The browser sends its click right after this release, in the same turn; forget the drag once that has passed,
        // so a later click (or Enter) is never taken for it.
        dragged.current = true
        setTimeout(() => (dragged.current = false), 0)
        const target = cellUnder({ x: event.clientX, y: event.clientY })
        setDrag(null)
        if (target) onDrop(person, target)
      },
      onPointerCancel() {
        press.current = null
        setDrag(null)
      },
    }
  }

  /** True once after a drag ended: the click the browser sends on release is not a click the person meant. */
  function consumeDragClick(): boolean {
    const was = dragged.current
    dragged.current = false
    return was
  }

  return { drag, handlers, consumeDragClick }
}

/**
 * The timer functions every runtime shared/ runs in provides (Node, the window, workers). shared/ is checked with no
 * platform types (tsconfig.shared.json), so the few global functions it may use are declared here and nowhere else.
 */
type SharedTimerHandle = { readonly __timer: unique symbol } | number;
declare function setTimeout(callback: () => void, ms?: number): SharedTimerHandle;
declare function clearTimeout(handle: SharedTimerHandle | null | undefined): void;

"""Real pointer and keyboard input through the X server (XTest), for what WebKitWebDriver cannot
synthesize: a middle click (its pointerUp always reports the left button), a keyboard context
menu (its key events skip GTK's key bindings, so Shift+F10 never opens one) and a drag and drop
(GTK's drag machinery follows the real pointer only).

    python3 xtest.py 'move 100 200' 'down 2' 'up 2' 'key Shift_L down' 'key F10' 'sleep 300'

Each argument is one step: `move X Y` (screen pixels), `down B` / `up B` (1 left, 2 middle,
3 right), `key NAME [down|up]` (a keysym name; a press and a release if neither), `sleep MS`,
`close WINDOW` (asks a top-level window to close, as a window manager's close button does:
WM_DELETE_WINDOW; there is no window manager under Xvfb).
Uses DISPLAY from the environment. Only libX11 and libXtst, through ctypes.
"""
import ctypes
import ctypes.util
import sys
import time

x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XStringToKeysym.restype = ctypes.c_ulong
x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
x11.XKeysymToKeycode.restype = ctypes.c_ubyte
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong]
xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]

x11.XInternAtom.restype = ctypes.c_ulong
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


display = x11.XOpenDisplay(None)
if not display:
    sys.exit("xtest: cannot open the display")


def keycode(name):
    sym = x11.XStringToKeysym(name.encode())
    code = x11.XKeysymToKeycode(display, sym) if sym else 0
    if not code:
        sys.exit(f"xtest: no key {name}")
    return code


for step in sys.argv[1:]:
    op, *args = step.split()
    if op == "move":
        xtst.XTestFakeMotionEvent(display, -1, int(args[0]), int(args[1]), 0)
    elif op in ("down", "up"):
        xtst.XTestFakeButtonEvent(display, int(args[0]), op == "down", 0)
    elif op == "key":
        code = keycode(args[0])
        if len(args) == 1 or args[1] == "down":
            xtst.XTestFakeKeyEvent(display, code, True, 0)
        if len(args) == 1 or args[1] == "up":
            x11.XSync(display, 0)
            xtst.XTestFakeKeyEvent(display, code, False, 0)
    elif op == "close":
        window = int(args[0], 0)
        ev = XEvent()
        ev.xclient.type = 33  # ClientMessage
        ev.xclient.window = window
        ev.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", False)
        ev.xclient.format = 32
        ev.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", False)
        ev.xclient.data[1] = 0  # CurrentTime
        x11.XSendEvent(display, window, False, 0, ctypes.byref(ev))
    elif op == "sleep":
        x11.XSync(display, 0)
        time.sleep(int(args[0]) / 1000)
        continue
    else:
        sys.exit(f"xtest: unknown step {step!r}")
    x11.XSync(display, 0)
    time.sleep(0.02)
x11.XCloseDisplay(display)

// What Swift cannot import from ncursesw directly: wide-char API switches,
// C globals (stdscr, COLS, LINES) and attribute/colour macros.
#ifndef RRC_CNCURSESW_SHIM_H
#define RRC_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth behind feature macros that SwiftPM's flags do not set.
extern int wcwidth(wchar_t c);

static inline WINDOW *rrc_stdscr(void) { return stdscr; }
static inline int rrc_cols(void) { return COLS; }
static inline int rrc_lines(void) { return LINES; }
static inline int rrc_colors(void) { return COLORS; }
static inline attr_t rrc_a_normal(void) { return A_NORMAL; }
static inline attr_t rrc_a_bold(void) { return A_BOLD; }
static inline attr_t rrc_a_reverse(void) { return A_REVERSE; }
static inline attr_t rrc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rrc_a_dim(void) { return A_DIM; }
static inline attr_t rrc_a_italic(void) { return A_ITALIC; }
static inline attr_t rrc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int rrc_key_f(int n) { return KEY_F(n); }
static inline mmask_t rrc_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t rrc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rrc_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t rrc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t rrc_button1_pressed(void) { return BUTTON1_PRESSED; }
#endif

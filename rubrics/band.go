package rubrics

import (
	"fmt"
	"strconv"
	"strings"
)

// UnmarshalYAML reads a band written "7-12", "7 - 12" or a single mark "0".
// A band that cannot be read is kept as Bad, so validation can report it at
// its place in the file.
func (b *Band) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err != nil {
		var n int
		if err2 := unmarshal(&n); err2 != nil {
			*b = Band{Bad: `marks must be a range such as "7-12"`}
			return nil
		}
		*b = Band{Min: n, Max: n}
		return nil
	}
	parsed, err := ParseBand(s)
	if err != nil {
		*b = Band{Bad: err.Error()}
		return nil
	}
	*b = parsed
	return nil
}

// MarshalYAML writes a band as "7-12".
func (b Band) MarshalYAML() (any, error) { return b.String(), nil }

// MarshalJSON writes a band as "7-12".
func (b Band) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(b.String())), nil }

func (b Band) String() string {
	if b.Min == b.Max {
		return strconv.Itoa(b.Min)
	}
	return fmt.Sprintf("%d-%d", b.Min, b.Max)
}

// ParseBand parses "7-12" or "7".
func ParseBand(s string) (Band, error) {
	lo, hi, isRange := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	a, err := strconv.Atoi(strings.TrimSpace(lo))
	if err != nil {
		return Band{}, fmt.Errorf("marks %q must be a range such as \"7-12\"", s)
	}
	if !isRange {
		return Band{Min: a, Max: a}, nil
	}
	b, err := strconv.Atoi(strings.TrimSpace(hi))
	if err != nil || b < a {
		return Band{}, fmt.Errorf("marks %q must be a range such as \"7-12\", lowest first", s)
	}
	return Band{Min: a, Max: b}, nil
}

package rubrics_test

import (
	"strings"
	"testing"
)

// TestAttributionNoFalseAlarm holds sentences whose dates and figures are
// right, though other events with other dates stand near them.
func TestAttributionNoFalseAlarm(t *testing.T) {
	for _, text := range []string{
		"Khrushchev, who had come to power after Stalin's death in 1953, denounced him in 1956.",
		"The Treaty of Friendship was signed in February 1950 and lasted until 1979.",
		"Mao, who had ruled China since 1949, launched the Great Leap Forward in 1958.",
		"In 1969, a decade after Khrushchev's 1959 visit, fighting broke out on the Ussuri River.",
		"The Korean War, which lasted from 1950 to 1953, increased China's dependence on the USSR.",
		"Khrushchev's Secret Speech of February 1956 shocked communists across the world, and in 1957 Mao launched the Hundred Flowers campaign.",
		"By 1960 the split was public: Khrushchev withdrew the experts in July 1960.",
		"The USSR, which had given China $300 million in 1950, sent $800 million to India in 1962.",
		"In 1964 Khrushchev fell, but Brezhnev, who led the USSR until 1982, kept up the pressure.",
		"The Cultural Revolution began in 1966 and lasted until 1976.",
		"Nixon visited China in 1972, two years before he resigned in 1974.",
		"The 1958 Taiwan crisis followed an earlier one in 1954-55.",
		"Trade rose six-fold between 1950 and 1956, reaching 60% of China's trade.",
		"In 1962, the same year as the Cuban Missile Crisis, the USSR backed India.",
		"India became independent in 1947.",
		"After the failed Bay of Pigs invasion in 1961, Castro turned to Moscow and Khrushchev sent missiles to Cuba.",
		"Mao's Great Leap Forward (1958) rejected the Soviet model; in July '60 Moscow recalled its experts.",
		"In the late 1950s the Great Leap Forward rejected the Soviet model.",
		"Some think the USSR gave China $800 million, but that money went to India.",
		"The Shanghai Communique of February 1972 aimed at normal relations by 1976.",
		"Khrushchev visited China in 1958 and 1959.",
		"The Great Leap Forward of 1958 and the withdrawal of Soviet experts in 1960 damaged China's economy.",
		"Between 1956 and 1964 Khrushchev and Mao quarrelled about ideology.",
		"Khrushchev criticised the communes in 1959, a year after the Great Leap Forward began.",
		"In 1960 Mao called Khrushchev a revisionist; in 1961 Khrushchev said class struggle was over.",
		"After Stalin died in 1953, relations slowly worsened until the split of 1960.",
		"The 1962 Sino-Indian war, in which the USSR sent India $800 million, angered Mao.",
		"The Moscow Summit in May 1972 came three months after Nixon's visit to China in February 1972.",
		"Although the treaty was signed in 1950, by 1960 the alliance was over.",
		"China exploded its first atomic bomb in 1964, the year Khrushchev fell.",
		"In 1971 China joined the UN, and in 1972 Nixon visited Beijing.",
		"Kissinger's secret trip in July 1971 prepared Nixon's 1972 visit.",
		"Mao died in 1976.",
		"By 1956, 60% of China's trade was with the USSR.",
		"The Soviets had 658,000 troops on the border by 1969.",
	} {
		t.Run(text, func(t *testing.T) {
			for _, p := range check(t, "sino-soviet-split", text).Problems {
				if p.Kind != "misspelling" {
					t.Errorf("false alarm: %s %q (expected %s): %s", p.Kind, p.Text, p.Expected, p.Message)
				}
			}
		})
	}
}

// TestAttributionWrongFacts holds sentences that tie a date or figure to the
// wrong event.
func TestAttributionWrongFacts(t *testing.T) {
	tests := []struct {
		text, kind, value, expected string
	}{
		{"The Treaty of Friendship, Alliance and Mutual Assistance, which was signed in February 1952, made them allies.", "date-mismatch", "February 1952", "February 1950"},
		{"Under the 1950 treaty the USSR gave China $800 million in economic aid.", "figure-mismatch", "$800 million", "$300 million"},
		{"The Korean War, which began in 1951, made China depend on Soviet weapons.", "date-mismatch", "1951", "1950-53"},
		{"Khrushchev's secret speech of 1957 attacked Stalin.", "date-mismatch", "1957", "February 1956"},
		{"In 1962 the USSR gave India $300 million in aid during its war with China.", "figure-mismatch", "$300 million", "$800 million"},
		{"The border clash on the Ussuri River in 1971 brought the two close to war.", "date-mismatch", "1971", "March 1969"},
		{"In April 1972, the American table tennis team visited China.", "date-mismatch", "April 1972", "April 1971"},
		{"The long Sino-Soviet border, 4,380 km of it, was hard to defend.", "figure-mismatch", "4,380 km", "4,406 km"},
		{"In 1957 Mao launched the Great Leap Forward.", "date-mismatch", "1957", "1958"},
		{"Khrushchev withdrew the Soviet experts in 1962.", "date-mismatch", "1962", "July 1960"},
		{"Mao called Khrushchev's communism phoney in 1965.", "date-mismatch", "1965", "1964"},
		{"In 1970 Nixon visited China.", "date-mismatch", "1970", "February 1972"},
		{"The Ussuri River clash happened in 1968.", "date-mismatch", "1968", "March 1969"},
		{"The USSR gave China $500 million under the 1950 treaty.", "figure-mismatch", "$500 million", "$300 million"},
		{"Soviet experts helped set up 200 Chinese businesses.", "figure-mismatch", "200", "141"},
		{"By 1956 80% of China's trade was with the USSR.", "figure-mismatch", "80%", "60%"},
		{"Khrushchev's secret speech in 1962 denounced Stalin.", "date-mismatch", "1962", "February 1956"},
		{"The Shanghai Communique was signed in 1973.", "date-mismatch", "1973", "28 February 1972"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			rep := check(t, "sino-soviet-overview", tt.text)
			for _, p := range rep.Problems {
				if p.Kind == tt.kind && p.Text == tt.value {
					if p.Expected != tt.expected {
						t.Errorf("expected value %q, want %q", p.Expected, tt.expected)
					}
					if p.Source == nil || !strings.Contains(p.Message, "notes card") {
						t.Errorf("the problem does not say where in the notes to check: %+v", p)
					}
					return
				}
			}
			t.Errorf("no %s for %q; problems: %+v", tt.kind, tt.value, rep.Problems)
		})
	}
}

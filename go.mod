module github.com/parallax-review/parallax

go 1.26.0

require (
	github.com/sergi/go-diff v1.4.0
	golang.org/x/text v0.44.0
)

require github.com/stretchr/testify v1.11.1 // indirect
